import { z } from 'zod';
import { FEATURE_NAMES } from './features';

const finite = z.number();
const rate = z.number().min(0).max(1);

/** One bin of a feature: values in (lower, upper]; null bounds are −∞ and +∞. */
const binSchema = z.object({
  range: z.tuple([finite.nullable(), finite.nullable()]),
  woe: finite,
  points: finite,
  count: z.number().int().nonnegative(),
  eventRate: rate,
});

/** Bin for values that cannot be computed (see MISSING_VALUE); eventRate null when empty. */
const missingBinSchema = z.object({
  woe: finite,
  points: finite,
  count: z.number().int().nonnegative(),
  eventRate: rate.nullable(),
});

const featureSchema = z
  .object({
    name: z.enum(FEATURE_NAMES),
    coefficient: finite,
    informationValue: finite.nonnegative(),
    bins: z.array(binSchema).min(1),
    missing: missingBinSchema,
  })
  .superRefine((feature, ctx) => {
    const bins = feature.bins;
    bins.forEach((bin, index) => {
      const expectedLower = index === 0 ? null : bins[index - 1].range[1];
      const lower = bin.range[0];
      if (lower !== expectedLower) {
        ctx.addIssue({
          code: 'custom',
          path: ['bins', index, 'range', 0],
          message: `lower bound must be ${expectedLower ?? 'null (−∞)'}, got ${lower}`,
        });
      }
      const upper = bin.range[1];
      const isLast = index === bins.length - 1;
      if (isLast && upper !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['bins', index, 'range', 1],
          message: `last bin must be open-ended (upper null), got ${upper}`,
        });
      }
      if (!isLast && (upper === null || (lower !== null && upper <= lower))) {
        ctx.addIssue({
          code: 'custom',
          path: ['bins', index, 'range', 1],
          message: `upper bound must be a number above the lower bound ${lower}, got ${upper}`,
        });
      }
    });
  });

const calibrationRowSchema = z.object({
  decile: z.number().int().min(1).max(10),
  count: z.number().int().nonnegative(),
  predictedRate: rate,
  observedRate: rate,
});

/** Schema of the committed scorecard file (model/scorecard-v1.json). */
export const scorecardFileSchema = z.object({
  version: z.string().min(1),
  createdAt: z.iso.date(),
  trainingDataSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  target: z.string().min(1),
  intercept: finite,
  scaling: z.object({
    baseScore: finite,
    baseOdds: finite.positive(),
    pdo: finite.positive(),
    factor: finite.positive(),
    offset: finite,
  }),
  displayScore: z
    .object({
      method: z.literal('linear-points'),
      formula: z.string(),
      pointsAtZero: finite,
      pointsAtHundred: finite,
    })
    .refine((d) => d.pointsAtHundred > d.pointsAtZero, {
      message: 'pointsAtHundred must be greater than pointsAtZero',
    }),
  features: z
    .array(featureSchema)
    .min(1)
    .refine((fs) => new Set(fs.map((f) => f.name)).size === fs.length, {
      message: 'feature names must be unique',
    }),
  metrics: z.object({
    holdoutAuc: rate,
    holdoutKs: rate,
    trainRows: z.number().int().positive(),
    holdoutRows: z.number().int().positive(),
    iterations: z.number().int().nonnegative(),
    calibration: z.array(calibrationRowSchema),
  }),
});

/** Contents of a scorecard file after validation. */
export type ScorecardFile = z.infer<typeof scorecardFileSchema>;
export type ScorecardFeature = ScorecardFile['features'][number];
