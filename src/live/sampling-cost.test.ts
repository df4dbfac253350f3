/** What sampling costs, from the engine's price table: nothing extra in provisioned mode, data retrieval per GB on demand. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, price } from '../engine/capacity/price-table';
import { GIB } from '../engine/capacity/units';
import { samplingCost } from './sampling-cost';

describe('samplingCost', () => {
  it('charges nothing extra in provisioned mode but reports the share of the read-call budget', () => {
    const c = samplingCost({ mode: 'PROVISIONED', readsPerSec: 4, openShards: 4, readBytesPerSec: 30_000, billedBytesPerSec: 160 * 1024, table: DEFAULT_PRICE_TABLE });
    expect(c.usdPerHour).toBe(0);
    expect(c.callBudgetShare).toBeCloseTo(4 / 20, 10);
  });

  it('prices on-demand reads per GB retrieved, records rounded up to 1 KiB', () => {
    // One GiB of billed reads per hour costs exactly the table's per-GB retrieval price.
    const c = samplingCost({ mode: 'ON_DEMAND', readsPerSec: 2, openShards: 2, readBytesPerSec: 1, billedBytesPerSec: GIB / 3600, table: DEFAULT_PRICE_TABLE });
    expect(c.usdPerHour).toBeCloseTo(price(DEFAULT_PRICE_TABLE, 'odOutGB'), 10);
    expect(c.priceRegion).toBe(DEFAULT_PRICE_TABLE.region);
  });
});
