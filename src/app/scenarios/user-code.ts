/**
 * Finds user code in a scenario document: any string field whose name says it holds code
 * (`code`, `transformCode`, `transformSource`, `functionBody`, …). A shared link may come from anyone,
 * so such code is shown and confirmed before the scenario runs.
 */

export interface UserCodeField {
  /** Field path, e.g. `firehose[0].transform.code`. */
  readonly path: string;
  readonly code: string;
}

const CODE_FIELD = /(^|[a-z])(code|Code)$|transformSource$|^source(Code)?$|function(Body|Source)$/;

export function isCodeFieldName(name: string): boolean {
  return CODE_FIELD.test(name) && !/^(error|status|http|response|region|country|currency|zip|postal)Code$/i.test(name);
}

export function findUserCode(doc: unknown): UserCodeField[] {
  const found: UserCodeField[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const p = path ? `${path}.${k}` : k;
        if (typeof x === 'string' && isCodeFieldName(k) && x.trim() !== '') found.push({ path: p, code: x });
        else visit(x, p);
      }
    }
  };
  visit(doc, '');
  return found;
}
