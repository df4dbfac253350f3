/**
 * Aggregate accumulators for tumbling/stagger groups (add only) and sliding windows (add, then
 * remove in arrival order). NULL inputs are ignored except by COUNT(*). Result types follow the
 * SQL:2008 reading; AVG of an integer column is the exact mean as DOUBLE (see resolveAggregate).
 */
import type { SqlType, Value } from './types';
import { isApproximate, isInteger, isNumeric, T } from './types';
import { compareValues, roundHalfUp, SqlRuntimeError } from './values';

export interface Accumulator {
  add(value: Value, rowtimeMs: number): void;
  /** Removes the oldest added value (sliding windows evict in arrival order). */
  remove(value: Value): void;
  result(): Value;
}

export interface AggregateKind {
  readonly name: string;
  readonly resultType: SqlType;
  create(): Accumulator;
}

class CountAcc implements Accumulator {
  n = 0;
  constructor(private readonly star: boolean) {}
  add(v: Value): void {
    if (this.star || v !== null) this.n++;
  }
  remove(v: Value): void {
    if (this.star || v !== null) this.n--;
  }
  result(): Value {
    return this.n;
  }
}

class SumAcc implements Accumulator {
  sum = 0;
  n = 0;
  constructor(private readonly mode: 'sum' | 'avg-exact' | 'avg' | 'avg-decimal', private readonly scale = 0) {}
  add(v: Value): void {
    if (v === null) return;
    this.sum += v as number;
    this.n++;
  }
  remove(v: Value): void {
    if (v === null) return;
    this.sum -= v as number;
    this.n--;
  }
  result(): Value {
    if (this.n === 0) return null;
    if (this.mode === 'sum') return this.scale > 0 ? roundHalfUp(this.sum, this.scale) : this.sum;
    const avg = this.sum / this.n;
    if (this.mode === 'avg-exact') return Math.trunc(avg);
    if (this.mode === 'avg-decimal') return roundHalfUp(avg, this.scale);
    return avg;
  }
}

/** MIN/MAX with a monotonic deque so sliding eviction stays O(1) amortised. */
class ExtremeAcc implements Accumulator {
  private values: Value[] = [];
  private head = 0;
  constructor(private readonly sign: 1 | -1) {}
  add(v: Value): void {
    if (v === null) return;
    const vals = this.values;
    while (vals.length > this.head && this.sign * compareValues(vals[vals.length - 1], v) > 0) vals.pop();
    vals.push(v);
  }
  remove(v: Value): void {
    if (v === null) return;
    if (this.head < this.values.length && compareValues(this.values[this.head], v) === 0) this.head++;
    if (this.head > 1024 && this.head * 2 > this.values.length) {
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
  }
  result(): Value {
    return this.head < this.values.length ? this.values[this.head] : null;
  }
}

class FirstLastAcc implements Accumulator {
  private values: Value[] = [];
  private head = 0;
  constructor(private readonly first: boolean) {}
  add(v: Value): void {
    this.values.push(v);
  }
  remove(): void {
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.values.length) {
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
  }
  result(): Value {
    if (this.head >= this.values.length) return null;
    return this.first ? this.values[this.head] : this.values[this.values.length - 1];
  }
}

class DistinctCountAcc implements Accumulator {
  private readonly counts = new Map<Value, number>();
  add(v: Value): void {
    if (v !== null) this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }
  remove(v: Value): void {
    if (v === null) return;
    const c = (this.counts.get(v) ?? 1) - 1;
    if (c === 0) this.counts.delete(v);
    else this.counts.set(v, c);
  }
  result(): Value {
    return this.counts.size;
  }
}

class BoolAcc implements Accumulator {
  trues = 0;
  total = 0;
  constructor(private readonly every: boolean) {}
  add(v: Value): void {
    if (v === null) return;
    this.total++;
    if (v === true) this.trues++;
  }
  remove(v: Value): void {
    if (v === null) return;
    this.total--;
    if (v === true) this.trues--;
  }
  result(): Value {
    if (this.total === 0) return null;
    return this.every ? this.trues === this.total : this.trues > 0;
  }
}

class VarianceAcc implements Accumulator {
  n = 0;
  sum = 0;
  sumSq = 0;
  constructor(private readonly sample: boolean, private readonly root: boolean) {}
  add(v: Value): void {
    if (v === null) return;
    const x = v as number;
    this.n++;
    this.sum += x;
    this.sumSq += x * x;
  }
  remove(v: Value): void {
    if (v === null) return;
    const x = v as number;
    this.n--;
    this.sum -= x;
    this.sumSq -= x * x;
  }
  result(): Value {
    const d = this.sample ? this.n - 1 : this.n;
    if (d <= 0) return null;
    const variance = Math.max(0, (this.sumSq - (this.sum * this.sum) / this.n) / d);
    return this.root ? Math.sqrt(variance) : variance;
  }
}

/** Exponentially weighted average: each value's weight halves every `halfLifeMs` of ROWTIME. */
class ExpAvgAcc implements Accumulator {
  private weighted = 0;
  private weight = 0;
  private lastMs = NaN;
  constructor(private readonly halfLifeMs: number) {}
  add(v: Value, rowtimeMs: number): void {
    if (v === null) return;
    if (!Number.isNaN(this.lastMs)) {
      const decay = 2 ** (-(rowtimeMs - this.lastMs) / this.halfLifeMs);
      this.weighted *= decay;
      this.weight *= decay;
    }
    this.lastMs = rowtimeMs;
    this.weighted += v as number;
    this.weight += 1;
  }
  remove(): void {
    /* old values have decayed; eviction does not change the estimate materially */
  }
  result(): Value {
    return this.weight === 0 ? null : this.weighted / this.weight;
  }
}

/** Resolves an aggregate call; returns an error message when the arguments do not fit. */
export function resolveAggregate(name: string, argType: SqlType | null, distinct: boolean, star: boolean, param: number | null): AggregateKind | string {
  const t = argType ?? T.BIGINT;
  const needNumeric = () => (isNumeric(t) || t.kind === 'NULL' || t.kind === 'ANY' ? null : `${name} needs a numeric argument, not ${t.kind}`);
  const scale = t.kind === 'DECIMAL' ? (t.scale ?? 0) : 0;
  if (distinct && name !== 'COUNT') return `${name}(DISTINCT …) is not supported; only COUNT(DISTINCT …)`;
  switch (name) {
    case 'COUNT':
      return { name, resultType: T.BIGINT, create: () => (distinct ? new DistinctCountAcc() : new CountAcc(star)) };
    case 'SUM': {
      const err = needNumeric();
      if (err) return err;
      const resultType = isInteger(t) ? T.BIGINT : t;
      return { name, resultType, create: () => new SumAcc('sum', scale) };
    }
    case 'AVG': {
      const err = needNumeric();
      if (err) return err;
      // SQLstream may truncate AVG of an integer column; the simulator returns the exact mean as
      // DOUBLE (what a batch SQL engine answers). Inserting it into an INTEGER column truncates.
      const mode = t.kind === 'DECIMAL' ? 'avg-decimal' : 'avg';
      return { name, resultType: isApproximate(t) || t.kind === 'DECIMAL' ? t : T.DOUBLE, create: () => new SumAcc(mode, scale) };
    }
    case 'MIN':
    case 'MAX':
      return { name, resultType: t, create: () => new ExtremeAcc(name === 'MIN' ? 1 : -1) };
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
      return { name, resultType: t, create: () => new FirstLastAcc(name === 'FIRST_VALUE') };
    case 'ANY':
    case 'SOME':
    case 'EVERY':
      return { name, resultType: T.BOOLEAN, create: () => new BoolAcc(name === 'EVERY') };
    case 'EXP_AVG': {
      const err = needNumeric();
      if (err) return err;
      if (!param || !(param > 0)) return 'EXP_AVG needs a positive half-life interval as its second argument';
      return { name, resultType: T.DOUBLE, create: () => new ExpAvgAcc(param) };
    }
    case 'VAR_POP':
    case 'VAR_SAMP':
    case 'VARIANCE':
    case 'STDDEV_POP':
    case 'STDDEV_SAMP':
    case 'STDDEV': {
      const err = needNumeric();
      if (err) return err;
      const sample = !name.endsWith('_POP');
      return { name, resultType: T.DOUBLE, create: () => new VarianceAcc(sample, name.startsWith('STDDEV')) };
    }
    default:
      throw new SqlRuntimeError('Unknown aggregate', name);
  }
}
