/**
 * A partner bank's own credit decision on a co-lent draw. The platform pre-screens with the
 * partner's published policy; the partner confirms or declines. Production partners respond
 * over HTTPS with signed requests (see `adapters/partners/http-partner-bank.ts`).
 */
export interface PartnerDecisionRequest {
  partnerId: string;
  /** The platform's draw id; a partner treats a repeated id as the same request. */
  drawId: string;
  principalFen: number;
  partnerShareFen: number;
  termMonths: number;
  dailyRatePpm: number;
  displayScore: number;
  lineFen: number;
}

export type PartnerDecision =
  | { outcome: 'approved'; reference: string }
  | { outcome: 'declined'; reason: string };

export interface PartnerBank {
  /** Resolves within the caller's deadline or rejects; a rejection counts as a time-out. */
  decide(request: PartnerDecisionRequest, deadlineMs: number): Promise<PartnerDecision>;
}
