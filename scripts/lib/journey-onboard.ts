import { randomUUID } from 'node:crypto';
import {
  CONSENT_VERSIONS,
  type AccountStatus,
  type CreditLineView,
  type DrawView,
  type FaceVerifyResult,
  type LoanDetail,
  type LoanQuote,
  type LoanSummary,
} from '../../core/api';
import { APR_MAX_BPS } from '../../core/limits';
import type { PersonOutcome } from './journey-outcome';
import { drawAmountFen } from './journey-plan';
import type { SelfieSource } from './journey-people';

/** Genuine selfies tried before a person gives up (the product allows 5 a day). */
const GENUINE_SELFIE_TRIES = 3;
const DISBURSEMENT_POLL_MS = 200;
/** Longest wait for a payout: the rail's timeout card settles after about 5 s. */
const DISBURSEMENT_WAIT_MS = 30_000;

interface Inbox {
  messages: { templateId: string; params: string[] }[];
}

/**
 * Takes one person from sign-in to a disbursed draw (or to where the journey stops for
 * them: a declined line, a failed face check, a cancelled payout). `step` is updated
 * before each call, so an error can name the step it happened in.
 */
export async function onboardPerson(outcome: PersonOutcome, selfies: SelfieSource, step: { name: string }) {
  const { client, plan } = outcome;
  const person = plan.person;
  step.name = 'sign in';
  await client.signIn();
  step.name = 'account status';
  const status = await client.callOk<AccountStatus>('account', { action: 'status' });
  if (status.stage !== 'new') throw new Error(`a new session starts at stage ${status.stage}`);

  step.name = 'send code';
  await client.callOk('account', { action: 'sendCode', phone: person.phone });
  step.name = 'read inbox';
  const inbox = await client.getJson<Inbox>(`/api/sandbox/inbox?phone=${person.phone}`);
  const codes = inbox.messages.filter((message) => message.templateId === 'verification_code');
  if (codes.length === 0) throw new Error(`no verification code in the inbox of ${person.phone}`);
  step.name = 'open account';
  await client.callOk('account', {
    action: 'open',
    name: person.name,
    idNumber: person.idNumber,
    bankCard: person.bankCard,
    phone: person.phone,
    code: codes[codes.length - 1].params[0],
    consents: { ...CONSENT_VERSIONS },
  });
  outcome.accountOpened = true;

  if (!(await passFaceCheck(outcome, selfies, step))) return;
  if (!(await decideCredit(outcome, step))) return;
  await drawAndWait(outcome, step);
}

async function passFaceCheck(outcome: PersonOutcome, selfies: SelfieSource, step: { name: string }) {
  const { plan } = outcome;
  if (plan.triesWrongFaceFirst) {
    step.name = 'face check with another face';
    const selfie = selfies.otherPersonsPhoto(plan.person);
    const result = await verify(outcome, selfie);
    if (result.passed) throw new Error('another person\'s face passed the face check');
    outcome.wrongFaceRejected = true;
  }
  step.name = 'face check';
  for (let attempt = 0; attempt < GENUINE_SELFIE_TRIES; attempt++) {
    const selfie = selfies.genuineSelfie(plan.person, plan.selfieSeed + attempt);
    if ((await verify(outcome, selfie)).passed) return true;
  }
  return false;
}

async function verify(outcome: PersonOutcome, selfie: Buffer): Promise<FaceVerifyResult> {
  const result = await outcome.client.callOk<FaceVerifyResult>('faceVerify', {
    action: 'verify',
    selfieBase64: selfie.toString('base64'),
  });
  if (result.passed) outcome.facePassed++;
  else outcome.faceRejected++;
  return result;
}

async function decideCredit(outcome: PersonOutcome, step: { name: string }) {
  step.name = 'credit line';
  const line = await outcome.client.callOk<CreditLineView>('creditLine', { action: 'evaluate' });
  outcome.decision = line.decision;
  if (line.decision === 'declined') {
    outcome.topDeclineReason = line.reasons[0]?.code ?? 'NO_REASON_GIVEN';
    return false;
  }
  outcome.lineFen = line.lineFen;
  return true;
}

async function drawAndWait(outcome: PersonOutcome, step: { name: string }) {
  const { client, plan } = outcome;
  step.name = 'credit line show';
  const line = await client.callOk<CreditLineView>('creditLine', { action: 'show' });
  const amountFen = drawAmountFen(line.availableFen, plan.amountFraction);
  if (amountFen === null) return;

  step.name = 'quote';
  const request = { amountFen, termMonths: plan.termMonths };
  const quote = await client.callOk<LoanQuote>('loanQuote', request);
  outcome.quoteAprBasisPoints = quote.aprBasisPoints;
  if (quote.aprBasisPoints > APR_MAX_BPS) {
    throw new Error(`quote APR ${quote.aprText} is above the 24% cap`);
  }

  step.name = 'draw';
  const drawRequest = { ...request, idempotencyKey: randomUUID(), agreementDigest: quote.agreement.digest };
  const sends = plan.sendsDrawTwice ? 2 : 1;
  const draws = await Promise.all(
    Array.from({ length: sends }, () => client.callOk<DrawView>('draw', drawRequest)),
  );
  const drawIds = new Set(draws.map((draw) => draw.drawId));
  if (drawIds.size !== 1) throw new Error(`one draw request sent twice made ${drawIds.size} draws`);
  outcome.drawId = draws[0].drawId;
  outcome.drawnFen = amountFen;

  step.name = 'wait for disbursement';
  const detail = await waitForDisbursement(outcome);
  outcome.drawStatus = detail.status;
  if (plan.sendsDrawTwice) {
    step.name = 'list loans';
    const loans = await client.callOk<LoanSummary[]>('loans', { action: 'list' });
    outcome.duplicateDrawSingle = loans.length === 1;
    if (loans.length !== 1) throw new Error(`a doubled draw request left ${loans.length} draws`);
  }
}

async function waitForDisbursement(outcome: PersonOutcome): Promise<LoanDetail> {
  const deadline = Date.now() + DISBURSEMENT_WAIT_MS;
  for (;;) {
    const detail = await outcome.client.callOk<LoanDetail>('loans', {
      action: 'detail',
      drawId: outcome.drawId as string,
    });
    if (detail.status !== 'disbursing') return detail;
    if (Date.now() >= deadline) {
      throw new Error(`draw ${outcome.drawId} still disbursing after ${DISBURSEMENT_WAIT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, DISBURSEMENT_POLL_MS));
  }
}
