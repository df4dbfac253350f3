/**
 * The shape of an itemised cost, as the price list itemises it: one line per billed dimension with
 * its quantity, unit, unit price and the price-table key it came from, so the UI can show and edit it.
 */
import { price, type PriceKey, type PriceTable } from './price-table';

export interface CostLine {
  /** Stable id for the UI, e.g. "provisioned.shardHours". */
  readonly id: string;
  readonly label: string;
  readonly quantity: number;
  readonly unit: string;
  readonly priceKey: PriceKey;
  readonly unitPrice: number;
  /** The unit price is per this many units of quantity (1e6 for PUT payload units, 1000 for S3 objects). */
  readonly per: number;
  readonly monthlyUsd: number;
  /** Date of the unit price (the price row's asOf), shown on every line. */
  readonly priceAsOf: string;
  readonly note?: string;
}

export type BillingMode = 'provisioned' | 'on-demand-standard' | 'on-demand-advantage';

export interface ModeCost {
  readonly mode: BillingMode;
  readonly lines: readonly CostLine[];
  readonly totalMonthlyUsd: number;
  readonly notes: readonly string[];
}

/** A line billed per unit of the price key; `per` divides the quantity first (e.g. 1e6 for "per million"). */
export function line(table: PriceTable, id: string, label: string, quantity: number, unit: string, key: PriceKey, per = 1, note?: string): CostLine {
  const unitPrice = price(table, key);
  const priceAsOf = table.rows[key].asOf;
  return { id, label, quantity, unit, priceKey: key, unitPrice, per, monthlyUsd: (quantity / per) * unitPrice, priceAsOf, ...(note ? { note } : {}) };
}

export function total(lines: readonly CostLine[]): number {
  return lines.reduce((s, l) => s + l.monthlyUsd, 0);
}

/** Rounds to the cent for display and comparisons in tests. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}
