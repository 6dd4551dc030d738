import { randomUUID } from 'node:crypto';
import type { CreditLineView } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { DRAW_MIN_FEN } from '../../core/limits';
import { quoteDraw } from '../../core/quote';
import { creditPolicy } from '../../core/scoring/policy';
import { scoreProfile } from '../../core/scoring/scorecard';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { requireUser } from '../account/account-status';
import { assertInvited } from '../account/pilot';
import { USERS, type CreditDecisionRecord, type UserDocument } from '../account/user-document';
import { readPii } from '../privacy/user-pii';

export const CREDIT_DECISIONS = 'credit_decisions';

/** A draw of 10,000 CNY over 10 months, or the whole line if smaller, for the headline APR. */
const TYPICAL_DRAW_FEN = 1_000_000;

const NO_FILE_REASON = {
  code: 'NO_CREDIT_FILE',
  zh: '征信数据中没有您的信用记录',
  en: 'No credit history was found for this ID number',
};

/** Returns the APR of a typical draw at the daily rate, e.g. "18.25%". */
function typicalAprText(lineFen: number, dailyRatePpm: number, drawDate: string): string {
  const principalFen = Math.max(DRAW_MIN_FEN, Math.min(TYPICAL_DRAW_FEN, lineFen - (lineFen % 10_000)));
  return quoteDraw({ principalFen, termMonths: 10, dailyRatePpm, drawDate }).apr.display;
}

function toView(credit: CreditDecisionRecord, usedFen: number, drawDate: string): CreditLineView {
  const approved = credit.decision === 'approved';
  return {
    decision: credit.decision,
    displayScore: credit.displayScore,
    lineFen: credit.lineFen,
    usedFen,
    availableFen: Math.max(0, credit.lineFen - usedFen),
    dailyRatePpm: credit.dailyRatePpm,
    aprText: approved ? typicalAprText(credit.lineFen, credit.dailyRatePpm, drawDate) : '',
    reasons: credit.reasons,
    modelVersion: credit.modelVersion,
    decidedAt: credit.decidedAt,
  };
}

/**
 * Scores the borrower's behavioural data with the scorecard and sets the credit line and
 * daily rate by policy. A decision is made once and then shown; each decision records the
 * model version and the reasons that cost the most points.
 */
export async function evaluateCreditLine(services: Services, caller: Caller): Promise<CreditLineView> {
  await assertInvited(services.store, caller.openId, services.config.pilotRolloutPercent);
  const user = await requireUser(services, caller);
  const today = businessDate(services.clock.now());
  if (user.credit) return toView(user.credit, user.usedFen, today);
  if (user.stage !== 'face_verified') {
    throw new LoanError('PRECONDITION_FAILED', '请先完成人脸核验，再查看额度。');
  }

  const profile = await services.creditData.profileFor(readPii(services, user)?.idNumber ?? '');
  const decidedAt = services.clock.now().toISOString();
  let record: CreditDecisionRecord;
  if (!profile) {
    record = {
      decisionId: `cd_${randomUUID()}`,
      decision: 'declined',
      displayScore: 0,
      probabilityOfDefault: 1,
      lineFen: 0,
      dailyRatePpm: 0,
      band: 'DECLINED',
      reasons: [NO_FILE_REASON],
      modelVersion: services.scorecard.version,
      decidedAt,
    };
  } else {
    const score = scoreProfile(services.scorecard, profile);
    const policy = creditPolicy(score.displayScore);
    record = {
      decisionId: `cd_${randomUUID()}`,
      decision: policy.decision,
      displayScore: score.displayScore,
      probabilityOfDefault: score.probabilityOfDefault,
      lineFen: policy.lineFen,
      dailyRatePpm: policy.dailyRatePpm,
      band: policy.band,
      reasons: score.reasons.map(({ code, zh, en }) => ({ code, zh, en })),
      modelVersion: score.modelVersion,
      decidedAt,
    };
  }

  const saved = await services.store.runTransaction(async (tx) => {
    const current = await tx.get<UserDocument>(USERS, caller.openId);
    if (!current) throw new LoanError('PRECONDITION_FAILED', '请先完成开户。');
    if (current.credit) return current;
    await tx.create(CREDIT_DECISIONS, { _id: record.decisionId, openId: caller.openId, ...record });
    await tx.update(USERS, caller.openId, { credit: record as never, stage: 'credit_decided' });
    return { ...current, credit: record, stage: 'credit_decided' as const };
  });
  services.logger.info(
    { openId: caller.openId, decision: record.decision, displayScore: record.displayScore, modelVersion: record.modelVersion },
    'credit decision made',
  );
  return toView(saved.credit ?? record, saved.usedFen, today);
}

/** Shows the current line, used and available amounts; NOT_FOUND before a decision. */
export async function showCreditLine(services: Services, caller: Caller): Promise<CreditLineView> {
  const user = await requireUser(services, caller);
  if (!user.credit) throw new LoanError('NOT_FOUND', '尚未评估额度，请先完成人脸核验并查看额度。');
  return toView(user.credit, user.usedFen, businessDate(services.clock.now()));
}
