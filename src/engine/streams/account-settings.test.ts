import { describe, expect, it } from 'vitest';
import { AccountSettings } from './account-settings';
import { DAY_MS } from './limits';

describe('minimum throughput billing commitment', () => {
  it('lasts 24 hours: an early disable waits for the earliest end, enabling again cancels it', () => {
    let now = 1_000;
    const account = new AccountSettings(() => now);
    expect(account.enable()).toMatchObject({ status: 'ENABLED', startedAtMs: 1_000, earliestAllowedEndAtMs: 1_000 + DAY_MS });
    now += 3_600_000;
    expect(account.disable().status).toBe('ENABLED_UNTIL_EARLIEST_ALLOWED_END');
    expect(account.commitmentActive).toBe(true);
    expect(account.enable().status).toBe('ENABLED');
    now = 1_000 + DAY_MS + 5;
    expect(account.view().status).toBe('ENABLED');
    expect(account.disable()).toMatchObject({ status: 'DISABLED', endedAtMs: now });
    expect(account.commitmentActive).toBe(false);
    expect(account.enable()).toMatchObject({ status: 'ENABLED', startedAtMs: now });
  });
});
