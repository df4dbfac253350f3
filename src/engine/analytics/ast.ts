/**
 * AST of both SQL dialects (KDA streaming SQL and the Flink SQL subset). Every node is an
 * interface with a literal `type` and a source `range`; `Node` unions them. Plain data only.
 */
import type { Range } from './diagnostics';

export interface Identifier {
  readonly type: 'identifier';
  /** Folded to upper case when unquoted; exact when quoted. */
  readonly value: string;
  readonly quoted: boolean;
  readonly range: Range;
}

export interface TypeName {
  readonly type: 'type_name';
  /** Canonical name: INTEGER, VARCHAR, DOUBLE, DECIMAL, TIMESTAMP, … */
  readonly name: string;
  readonly params: readonly number[];
  readonly range: Range;
}

export type TimeUnit = 'MILLISECOND' | 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

export interface Literal {
  readonly type: 'literal';
  readonly kind: 'number' | 'string' | 'boolean' | 'null';
  /** Number literals keep their text so INTEGER/DECIMAL/DOUBLE can be told apart. */
  readonly value: string | boolean | null;
  readonly range: Range;
}
export interface TypedLiteral {
  readonly type: 'typed_literal';
  readonly kind: 'TIMESTAMP' | 'DATE' | 'TIME';
  readonly value: string;
  readonly range: Range;
}
export interface IntervalLiteral {
  readonly type: 'interval_literal';
  readonly value: string;
  readonly negative: boolean;
  readonly unit: TimeUnit;
  readonly toUnit: TimeUnit | null;
  readonly range: Range;
}
export interface ColumnRef {
  readonly type: 'column_ref';
  readonly parts: readonly Identifier[];
  readonly range: Range;
}
export interface Star {
  readonly type: 'star';
  readonly qualifier: Identifier | null;
  readonly range: Range;
}
export interface UnaryExpr {
  readonly type: 'unary_expr';
  readonly op: '-' | '+' | 'NOT';
  readonly operand: Expr;
  readonly range: Range;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '<>' | '<' | '>' | '<=' | '>=' | 'AND' | 'OR';
export interface BinaryExpr {
  readonly type: 'binary_expr';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly range: Range;
}
export interface IsExpr {
  readonly type: 'is_expr';
  readonly operand: Expr;
  readonly not: boolean;
  readonly test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN' | 'DISTINCT_FROM';
  readonly right: Expr | null;
  readonly range: Range;
}
export interface LikeExpr {
  readonly type: 'like_expr';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | null;
  readonly not: boolean;
  readonly similar: boolean;
  readonly range: Range;
}
export interface BetweenExpr {
  readonly type: 'between_expr';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly not: boolean;
  readonly range: Range;
}
export interface InExpr {
  readonly type: 'in_expr';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly not: boolean;
  readonly range: Range;
}
export interface CaseExpr {
  readonly type: 'case_expr';
  readonly operand: Expr | null;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
  readonly range: Range;
}
export interface CastExpr {
  readonly type: 'cast_expr';
  readonly operand: Expr;
  readonly target: TypeName;
  readonly range: Range;
}
export interface FuncCall {
  readonly type: 'func_call';
  /** Upper-cased function name. */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  /** `FLOOR(x TO MINUTE)`, `EXTRACT(HOUR FROM x)`. */
  readonly unit: TimeUnit | null;
  /** `TRIM(LEADING …)`. */
  readonly trimSpec: 'BOTH' | 'LEADING' | 'TRAILING' | null;
  readonly over: WindowSpec | Identifier | null;
  /** True for niladic forms written without parentheses (CURRENT_ROW_TIMESTAMP). */
  readonly bare: boolean;
  readonly range: Range;
}
export interface IntervalQualified {
  readonly type: 'interval_qualified';
  readonly operand: Expr;
  readonly unit: TimeUnit;
  readonly range: Range;
}
export interface FieldAccess {
  readonly type: 'field_access';
  readonly operand: Expr;
  readonly field: Identifier;
  readonly range: Range;
}
export interface CursorExpr {
  readonly type: 'cursor_expr';
  readonly query: Query;
  readonly range: Range;
}
export interface DescriptorExpr {
  readonly type: 'descriptor_expr';
  readonly columns: readonly Identifier[];
  readonly range: Range;
}
export interface TableArg {
  readonly type: 'table_arg';
  readonly name: Identifier;
  readonly partitionBy: readonly Expr[];
  readonly range: Range;
}

export type Expr =
  | Literal | TypedLiteral | IntervalLiteral | ColumnRef | Star | UnaryExpr | BinaryExpr | IsExpr | LikeExpr
  | BetweenExpr | InExpr | CaseExpr | CastExpr | FuncCall | IntervalQualified | FieldAccess | CursorExpr
  | DescriptorExpr | TableArg;

export interface WindowFrame {
  readonly mode: 'RANGE' | 'ROWS';
  /** An interval literal / number, or the bound keywords. */
  readonly preceding: Expr | 'UNBOUNDED' | 'CURRENT';
}
export interface WindowSpec {
  readonly type: 'window_spec';
  readonly base: Identifier | null;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly Expr[];
  readonly frame: WindowFrame | null;
  readonly range: Range;
}
export interface NamedWindow {
  readonly name: Identifier;
  readonly spec: WindowSpec;
}
export interface SelectItem {
  readonly type: 'select_item';
  readonly expr: Expr;
  readonly alias: Identifier | null;
  readonly range: Range;
}
export interface OrderItem {
  readonly expr: Expr;
  readonly descending: boolean;
}
export interface StaggerClause {
  readonly partitionBy: readonly Expr[];
  readonly rangeSize: Expr;
}

export interface TableRef {
  readonly type: 'table_ref';
  readonly name: Identifier;
  readonly alias: Identifier | null;
  readonly over: WindowSpec | null;
  readonly asOf: Expr | null;
  readonly range: Range;
}
export interface SubqueryRef {
  readonly type: 'subquery_ref';
  readonly query: Query;
  readonly alias: Identifier | null;
  readonly range: Range;
}
export interface TableFunctionRef {
  readonly type: 'table_function_ref';
  readonly call: FuncCall;
  readonly alias: Identifier | null;
  readonly range: Range;
}
export interface JoinRef {
  readonly type: 'join_ref';
  readonly kind: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
  readonly left: FromItem;
  readonly right: FromItem;
  readonly on: Expr | null;
  readonly range: Range;
}
export type FromItem = TableRef | SubqueryRef | TableFunctionRef | JoinRef;

export interface SelectQuery {
  readonly type: 'select_query';
  readonly stream: boolean;
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  readonly from: FromItem | null;
  readonly where: Expr | null;
  readonly groupBy: readonly Expr[];
  readonly stagger: StaggerClause | null;
  readonly having: Expr | null;
  readonly windows: readonly NamedWindow[];
  readonly orderBy: readonly OrderItem[];
  readonly range: Range;
}
export interface UnionQuery {
  readonly type: 'union_query';
  readonly left: Query;
  readonly right: Query;
  readonly all: boolean;
  readonly range: Range;
}
export type Query = SelectQuery | UnionQuery;

export interface ColumnDef {
  readonly name: Identifier;
  readonly dataType: TypeName | null;
  readonly notNull: boolean;
  /** Flink computed column `name AS expr`. */
  readonly computed: Expr | null;
}
export interface CreateStreamStmt {
  readonly type: 'create_stream';
  readonly name: Identifier;
  readonly orReplace: boolean;
  readonly columns: readonly ColumnDef[];
  readonly description: string | null;
  readonly range: Range;
}
export interface CreatePumpStmt {
  readonly type: 'create_pump';
  readonly name: Identifier;
  readonly orReplace: boolean;
  readonly target: Identifier;
  readonly columns: readonly Identifier[] | null;
  readonly query: Query;
  readonly range: Range;
}
export interface CreateTableStmt {
  readonly type: 'create_table';
  readonly name: Identifier;
  readonly columns: readonly ColumnDef[];
  readonly watermark: { readonly column: Identifier; readonly expr: Expr } | null;
  readonly options: readonly (readonly [string, string])[];
  readonly range: Range;
}
export interface CreateViewStmt {
  readonly type: 'create_view';
  readonly name: Identifier;
  readonly query: Query;
  readonly range: Range;
}
export interface InsertStmt {
  readonly type: 'insert_stmt';
  readonly target: Identifier;
  readonly columns: readonly Identifier[] | null;
  readonly query: Query;
  readonly range: Range;
}
export interface QueryStmt {
  readonly type: 'query_stmt';
  readonly query: Query;
  readonly range: Range;
}
export type Statement = CreateStreamStmt | CreatePumpStmt | CreateTableStmt | CreateViewStmt | InsertStmt | QueryStmt;

export type Node = Statement | Query | FromItem | Expr | SelectItem | WindowSpec | TypeName | Identifier;

export interface Script {
  readonly type: 'script';
  readonly statements: readonly Statement[];
  readonly dialect: 'kda' | 'flink';
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
