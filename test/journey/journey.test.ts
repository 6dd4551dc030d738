import { describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARDS } from '../../adapters/bank/test-cards';
import { APR_MAX_BPS } from '../../core/limits';
import { pickJourneyPeople } from '../../scripts/lib/journey-people';
import { drawAmountFen, planJourney } from '../../scripts/lib/journey-plan';
import { DEFAULT_JOURNEY_OPTIONS, runJourney } from '../../scripts/lib/journey-run';
import { medianFen } from '../../scripts/lib/journey-summary';

describe('drawAmountFen', () => {
  it.each([
    // available line, fraction, expected amount in fen
    [50_000, 0, 50_000],
    [50_000, 0.999, 50_000],
    [49_999, 0.5, null],
    [100_000, 0, 50_000],
    [100_000, 0.5, 80_000],
    [100_000, 0.999, 100_000],
    [105_000, 0.999, 100_000],
    [10_000_000, 0.999, 4_000_000],
    [10_000_000, 0, 50_000],
  ])('line %i fen at %f draws %s fen', (availableFen, fraction, expected) => {
    expect(drawAmountFen(availableFen, fraction)).toBe(expected);
  });
});

describe('medianFen', () => {
  it('returns 0 for no amounts', () => {
    expect(medianFen([])).toBe(0);
  });
  it('returns the middle of an odd count', () => {
    expect(medianFen([300, 100, 200])).toBe(200);
  });
  it('rounds the mean of the middle two down', () => {
    expect(medianFen([100, 201, 400, 1])).toBe(150);
  });
});

describe('journey people and plans', () => {
  it('puts the test-card people first', () => {
    const cards = pickJourneyPeople(3).map((person) => person.bankCard);
    expect(cards.sort()).toEqual(Object.values(SANDBOX_TEST_CARDS).sort());
  });
  it('rejects more people than the registry has', () => {
    expect(() => pickJourneyPeople(10_000)).toThrow(/exceeds/);
  });
  it('plans the same run for the same seed', () => {
    const people = pickJourneyPeople(20);
    const rates = { wrongFaceRate: 0.1, drawTwiceRate: 0.1, borrowerRepayRate: 0.2, days: 60 };
    const first = planJourney(people, 7, rates).map(({ person, ...plan }) => plan);
    const second = planJourney(people, 7, rates).map(({ person, ...plan }) => plan);
    expect(second).toEqual(first);
  });
});

describe('journey over HTTP', () => {
  it('drives six people through ten business days', async () => {
    const summary = await runJourney({
      ...DEFAULT_JOURNEY_OPTIONS,
      people: 6,
      days: 10,
      seed: 11,
      wrongFaceRate: 0.5,
      drawTwiceRate: 0.5,
      borrowerRepayRate: 0.34,
      bankSettleDelayMs: 50,
      showProgress: false,
    });

    expect(summary.unexpectedErrors).toEqual([]);
    expect(summary.ledger.problems).toEqual([]);
    expect(summary.ledger.balanced).toBe(true);
    expect(summary.people).toBe(6);
    expect(summary.accountsOpened).toBe(6);
    expect(summary.faceChecks.wrongFaceRejected).toBe(summary.faceChecks.wrongFaceTried);
    expect(summary.credit.approved + summary.credit.declined).toBe(6);
    expect(summary.draws.count).toBeGreaterThanOrEqual(1);
    expect(summary.draws.doubledRequestsWithOneDraw).toBe(summary.draws.doubledRequests);
    expect(summary.draws.maxQuoteAprBasisPoints).toBeLessThanOrEqual(APR_MAX_BPS);
    // The account-closed and timeout cards fail their payouts when their holders borrow.
    expect(summary.failingCards.cancelledAtPayout).toBe(summary.draws.cancelledAtPayout);
    expect(summary.ledger.principalDisbursedFen).toBeGreaterThan(0);
    expect(summary.ledger.interestEarnedFen).toBeGreaterThan(0);
    expect(summary.ledger.principalDisbursedFen - summary.ledger.repaidPrincipalFen).toBe(
      summary.ledger.outstandingPrincipalFen,
    );
    // The platform and at least one sandbox partner bank lent, and each funder's principal adds up.
    expect(summary.ledger.funders[0].funder).toBe('platform');
    expect(summary.ledger.funders.length).toBeGreaterThanOrEqual(2);
    for (const funder of summary.ledger.funders) {
      expect(funder.disbursedFen - funder.repaidFen).toBe(funder.outstandingFen);
    }
    const partnerLent = summary.ledger.funders.slice(1).reduce((total, funder) => total + funder.disbursedFen, 0);
    expect(partnerLent).toBeGreaterThan(0);
  }, 60_000);
});
