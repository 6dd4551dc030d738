import { z } from 'zod';

/**
 * Partner banks as configuration. Amounts in fen, shares in parts per million. The
 * embedded default has two sandbox banks; production sets `PARTNERS_JSON`.
 */
export interface PartnerConfig {
  id: string;
  name: string;
  /** Total the partner commits to co-lend; its funds account starts at this amount. */
  facilityLimitFen: number;
  /** The partner's largest share of one draw; the platform keeps at least 30%. */
  maxSharePpm: number;
  /** Outstanding principal with this partner may not exceed this (the 25%-of-capital rule). */
  concentrationCapFen: number;
  eligibility: { minDisplayScore: number; maxLineFen: number };
}

const partnerSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, { error: 'partner id must be 1–32 of a-z, 0-9, _ or -' })
    .refine((id) => id !== 'platform', { error: 'partner id "platform" is reserved for the platform\'s own funds' }),
  name: z.string().min(1).max(60),
  facilityLimitFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  maxSharePpm: z.number().int().min(0).max(700_000, { error: 'maxSharePpm may be at most 700000: the platform keeps 30%' }),
  concentrationCapFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  eligibility: z.strictObject({
    minDisplayScore: z.number().int().min(0).max(100),
    maxLineFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  }),
});

/** Two sandbox partners with different appetites, so rotation and fallback both show. */
export const SANDBOX_PARTNERS: PartnerConfig[] = [
  {
    id: 'bank_a',
    name: '沙盒合作银行甲 (Sandbox Bank A)',
    facilityLimitFen: 2_000_000_000,
    maxSharePpm: 700_000,
    concentrationCapFen: 1_500_000_000,
    eligibility: { minDisplayScore: 60, maxLineFen: 20_000_000 },
  },
  {
    id: 'bank_b',
    name: '沙盒合作银行乙 (Sandbox Bank B)',
    facilityLimitFen: 1_000_000_000,
    maxSharePpm: 500_000,
    concentrationCapFen: 800_000_000,
    eligibility: { minDisplayScore: 50, maxLineFen: 5_000_000 },
  },
];

/** Parses `PARTNERS_JSON`, failing with a message that names the bad field. */
export function parsePartners(json: string | undefined): PartnerConfig[] {
  if (json === undefined || json.trim() === '') return SANDBOX_PARTNERS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('PARTNERS_JSON is not valid JSON: give an array of partner objects.');
  }
  const parsed = z.array(partnerSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`PARTNERS_JSON[${issue.path.join('.')}]: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const partner of parsed.data) {
    if (ids.has(partner.id)) throw new Error(`PARTNERS_JSON lists partner "${partner.id}" twice.`);
    ids.add(partner.id);
  }
  return parsed.data;
}
