import type { TermMonths } from '../../core/api';
import { AMOUNT_STEP_FEN, DRAW_MAX_FEN, DRAW_MIN_FEN } from '../../core/limits';
import type { SandboxPerson } from '../../adapters/identity/sandbox-registry';
import { createSeededRandom } from './seeded-random';

export type RepaymentStyle = 'auto_debit' | 'borrower_due' | 'early_payoff';

/** What one person will do, drawn up front from the seed so a run can be repeated. */
export interface PersonPlan {
  index: number;
  person: SandboxPerson;
  /** Tries another person's face first, which must be rejected. */
  triesWrongFaceFirst: boolean;
  /** Sends the same draw request (same idempotency key) twice at once. */
  sendsDrawTwice: boolean;
  /** Chooses the draw amount inside the available line, in [0, 1). */
  amountFraction: number;
  termMonths: TermMonths;
  repaymentStyle: RepaymentStyle;
  /** Day of the simulation (1-based) on which an early-payoff borrower pays everything. */
  payoffDay: number;
  /** Seed of the altered selfie made from the photo on file. */
  selfieSeed: number;
}

export interface PlanRates {
  wrongFaceRate: number;
  drawTwiceRate: number;
  /** Share of borrowers who repay what is due themselves; the same share pays off early. */
  borrowerRepayRate: number;
  days: number;
}

const TERMS: readonly TermMonths[] = [5, 10, 20];

/** Draws every person's plan from one seeded generator, in person order. */
export function planJourney(people: SandboxPerson[], seed: number, rates: PlanRates): PersonPlan[] {
  const random = createSeededRandom(seed);
  return people.map((person, index) => {
    const styleRoll = random.next();
    const repaymentStyle: RepaymentStyle =
      styleRoll < rates.borrowerRepayRate
        ? 'borrower_due'
        : styleRoll < 2 * rates.borrowerRepayRate
          ? 'early_payoff'
          : 'auto_debit';
    return {
      index,
      person,
      triesWrongFaceFirst: random.next() < rates.wrongFaceRate,
      sendsDrawTwice: random.next() < rates.drawTwiceRate,
      amountFraction: random.next(),
      termMonths: random.pick(TERMS),
      repaymentStyle,
      payoffDay: random.int(1, Math.max(1, rates.days)),
      selfieSeed: random.int(1, 2 ** 31 - 1),
    };
  });
}

/**
 * The draw amount in fen for a plan: a multiple of 100 yuan from 500 to 40,000 yuan and
 * at most the available line, chosen by `amountFraction`. Returns null when the available
 * line is below the 500-yuan minimum draw.
 */
export function drawAmountFen(availableFen: number, amountFraction: number): number | null {
  const maxFen = Math.min(DRAW_MAX_FEN, availableFen);
  if (maxFen < DRAW_MIN_FEN) return null;
  const steps = Math.floor((maxFen - DRAW_MIN_FEN) / AMOUNT_STEP_FEN);
  return DRAW_MIN_FEN + Math.floor(amountFraction * (steps + 1)) * AMOUNT_STEP_FEN;
}
