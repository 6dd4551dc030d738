import { createHash } from 'node:crypto';
import type { PartnerBank, PartnerDecision, PartnerDecisionRequest } from '../ports/partner-bank';

export interface SandboxPartnerPolicy {
  minDisplayScore: number;
  maxLineFen: number;
}

export interface SandboxPartnerBankOptions {
  policies: Record<string, SandboxPartnerPolicy>;
  /** Usual response time. Default 20 ms. */
  latencyMs?: number;
  /** One draw in `slowEvery` (by a hash of its id) responds after 10 s; 0 turns it off. Default 25. */
  slowEvery?: number;
  /** One draw in `declineEvery` is declined on the bank's own judgement; 0 turns it off. Default 10. */
  declineEvery?: number;
}

/** Returns a stable bucket of a draw for a partner: the first four bytes of SHA-256, as an integer. */
function bucket(partnerId: string, drawId: string): number {
  return createHash('sha256').update(`${partnerId}:${drawId}`).digest().readUInt32BE(0);
}

/**
 * Partner banks on this machine: each applies its published policy, declines some draws on
 * its own judgement and responds to some too slowly. A hash of the draw id chooses both, so a
 * run is repeatable and a retried draw gets the same decision.
 */
export class SandboxPartnerBank implements PartnerBank {
  private readonly latencyMs: number;
  private readonly slowEvery: number;
  private readonly declineEvery: number;

  constructor(private readonly options: SandboxPartnerBankOptions) {
    this.latencyMs = options.latencyMs ?? 20;
    this.slowEvery = options.slowEvery ?? 25;
    this.declineEvery = options.declineEvery ?? 10;
  }

  async decide(request: PartnerDecisionRequest, deadlineMs: number): Promise<PartnerDecision> {
    const policy = this.options.policies[request.partnerId];
    if (!policy) throw new Error(`unknown partner ${request.partnerId}`);
    const hash = bucket(request.partnerId, request.drawId);
    const slow = this.slowEvery > 0 && hash % this.slowEvery === 0;
    const delayMs = slow ? 10_000 : this.latencyMs;
    if (delayMs > deadlineMs) {
      await sleep(deadlineMs);
      throw new Error(`partner ${request.partnerId} did not respond within ${deadlineMs} ms`);
    }
    await sleep(delayMs);

    if (request.displayScore < policy.minDisplayScore) {
      return { outcome: 'declined', reason: `display score below ${policy.minDisplayScore}` };
    }
    if (request.lineFen > policy.maxLineFen) return { outcome: 'declined', reason: 'credit line above the bank limit' };
    if (this.declineEvery > 0 && (hash >>> 8) % this.declineEvery === 1) {
      return { outcome: 'declined', reason: 'declined by the bank credit committee' };
    }
    return { outcome: 'approved', reference: `${request.partnerId}-${hash.toString(16)}` };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
