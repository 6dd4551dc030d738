import type { DrawStatus } from '../../core/api';
import type { JourneyClient } from './journey-http';
import type { PersonPlan } from './journey-plan';

/** An error the journey did not expect, with the person and the step it happened in. */
export interface UnexpectedError {
  personIndex: number;
  step: string;
  message: string;
}

/** What happened to one person, filled in step by step. */
export interface PersonOutcome {
  plan: PersonPlan;
  client: JourneyClient;
  accountOpened: boolean;
  /** Face checks that passed and that were rejected (another person's face included). */
  facePassed: number;
  faceRejected: number;
  /** Another person's face was tried and rejected, as it must be. */
  wrongFaceRejected: boolean;
  decision?: 'approved' | 'declined';
  lineFen?: number;
  /** Code of the reason that cost the most points, for declined people. */
  topDeclineReason?: string;
  quoteAprBasisPoints?: number;
  drawId?: string;
  drawStatus?: DrawStatus;
  drawnFen?: number;
  /** The doubled draw request returned one draw and the list shows one draw. */
  duplicateDrawSingle?: boolean;
  borrowerDuePaid: number;
  borrowerDueFailed: number;
  /** Borrower "due" repayments refused because an auto-debit was already collecting. */
  borrowerDuePreempted: number;
  earlyPayoff?: 'succeeded' | 'failed';
  finalStatus?: DrawStatus;
  finalOverdue?: boolean;
}

/** Starts an empty outcome for a person. */
export function newOutcome(plan: PersonPlan, client: JourneyClient): PersonOutcome {
  return {
    plan,
    client,
    accountOpened: false,
    facePassed: 0,
    faceRejected: 0,
    wrongFaceRejected: false,
    borrowerDuePaid: 0,
    borrowerDueFailed: 0,
    borrowerDuePreempted: 0,
  };
}
