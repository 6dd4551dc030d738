import { z } from 'zod';
import { FEATURE_NAMES } from './features';

const finite = z.number();
const rate = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/** One bin of a feature: values in (lower, upper]; null bounds are −∞ and +∞. */
const binSchema = z.object({
  range: z.tuple([finite.nullable(), finite.nullable()]),
  woe: finite,
  points: finite,
  count,
  eventRate: rate,
});

/** Bin for one exact value kept out of the ordinary bins, e.g. a utilisation of exactly 0. */
const specialBinSchema = z.object({
  value: finite,
  woe: finite,
  points: finite,
  count,
  eventRate: rate.nullable(),
});

/** Bin for values that cannot be computed (see MISSING_VALUE); eventRate null when empty. */
const missingBinSchema = z.object({
  woe: finite,
  points: finite,
  count,
  eventRate: rate.nullable(),
});

/**
 * Checks that ranges tile (−∞, +∞) in order: each lower bound is the previous upper bound,
 * the first lower and the last upper are null, and each upper is above its lower.
 */
function checkTiling(
  ranges: readonly (readonly [number | null, number | null])[],
  ctx: z.RefinementCtx,
  path: (index: number, end: 0 | 1) => (string | number)[],
): void {
  ranges.forEach(([lower, upper], index) => {
    const expectedLower = index === 0 ? null : ranges[index - 1][1];
    if (lower !== expectedLower) {
      ctx.addIssue({
        code: 'custom',
        path: path(index, 0),
        message: `lower bound must be ${expectedLower ?? 'null (−∞)'}, got ${lower}`,
      });
    }
    const isLast = index === ranges.length - 1;
    if (isLast && upper !== null) {
      ctx.addIssue({
        code: 'custom',
        path: path(index, 1),
        message: `last bin must be open-ended (upper null), got ${upper}`,
      });
    }
    if (!isLast && (upper === null || (lower !== null && upper <= lower))) {
      ctx.addIssue({
        code: 'custom',
        path: path(index, 1),
        message: `upper bound must be a number above the lower bound ${lower}, got ${upper}`,
      });
    }
  });
}

/** The bins of one characteristic: ordinary range bins, special values and missing values. */
const binTableShape = {
  bins: z.array(binSchema).min(1),
  specials: z.array(specialBinSchema).optional(),
  missing: missingBinSchema,
};

const featureSchema = z
  .object({
    name: z.enum(FEATURE_NAMES),
    /** `categorical` bins may have any points pattern; `monotone` bins follow the bad rate. */
    binning: z.enum(['monotone', 'categorical']).optional(),
    /** Coefficient on the WOE column, for a model fitted on WOE (scorecard-v1). */
    coefficient: finite.optional(),
    informationValue: finite.nonnegative(),
    ...binTableShape,
  })
  .superRefine((feature, ctx) => {
    const ranges = feature.bins.map((bin) => bin.range);
    checkTiling(ranges, ctx, (index, end) => ['bins', index, 'range', end]);
  });

const interactionRowSchema = z.object({
  /** Range of the row feature, (lower, upper] as for bins. */
  range: z.tuple([finite.nullable(), finite.nullable()]),
  count,
  ...binTableShape,
});

/**
 * A two-way characteristic: the rows split the row feature into ranges, and each row bins
 * the column feature on its own. Every cell has its own points, so the table shows how the
 * column feature's risk differs between, for example, current and late payers.
 */
const interactionSchema = z
  .object({
    name: z.string().min(1),
    rowFeature: z.enum(FEATURE_NAMES),
    columnFeature: z.enum(FEATURE_NAMES),
    /** Binning of the column feature in each row; absent (monotone) in files before scorecard-v3. */
    columnBinning: z.enum(['monotone', 'categorical']).optional(),
    informationValue: finite.nonnegative(),
    rows: z.array(interactionRowSchema).min(1),
  })
  .superRefine((interaction, ctx) => {
    const rowRanges = interaction.rows.map((row) => row.range);
    checkTiling(rowRanges, ctx, (index, end) => ['rows', index, 'range', end]);
    interaction.rows.forEach((row, rowIndex) => {
      const ranges = row.bins.map((bin) => bin.range);
      checkTiling(ranges, ctx, (index, end) => ['rows', rowIndex, 'bins', index, 'range', end]);
    });
  });

const calibrationRowSchema = z.object({
  decile: z.number().int().min(1).max(10),
  count,
  predictedRate: rate,
  observedRate: rate,
});

/** Mean and spread of one metric over the cross-validation folds. */
const foldMetricSchema = z.object({ mean: finite, min: finite, max: finite });

const crossValidationSchema = z.object({
  folds: z.number().int().min(2),
  seed: z.number().int(),
  auc: foldMetricSchema,
  ks: foldMetricSchema,
  gini: foldMetricSchema,
  brier: foldMetricSchema,
});

/**
 * Display-score distribution of the training rows: the share of rows in each score bin
 * [edges[i], edges[i + 1]), the last bin closed at 100. Monitoring compares live scores
 * against it with the population stability index.
 */
const scoreDistributionSchema = z
  .object({
    edges: z.array(z.number().int().min(0).max(101)).min(2),
    shares: z.array(rate),
  })
  .refine((d) => d.shares.length === d.edges.length - 1, {
    message: 'shares must have one entry per bin (edges.length − 1)',
  })
  .refine((d) => d.edges.every((edge, i) => i === 0 || edge > d.edges[i - 1]), {
    message: 'edges must be strictly increasing',
  });

/** Schema of a committed scorecard file (model/scorecard-v*.json). */
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
  interactions: z.array(interactionSchema).optional(),
  metrics: z.object({
    holdoutAuc: rate.optional(),
    holdoutKs: rate.optional(),
    trainRows: z.number().int().positive(),
    holdoutRows: z.number().int().positive().optional(),
    iterations: z.number().int().nonnegative(),
    l2Penalty: finite.nonnegative().optional(),
    crossValidation: crossValidationSchema.optional(),
    calibration: z.array(calibrationRowSchema),
  }),
  scoreDistribution: scoreDistributionSchema.optional(),
});

/** Contents of a scorecard file after validation. */
export type ScorecardFile = z.infer<typeof scorecardFileSchema>;
export type ScorecardFeature = ScorecardFile['features'][number];
export type ScorecardInteraction = NonNullable<ScorecardFile['interactions']>[number];
/** The bins of one characteristic or of one interaction row. */
export type BinTable = Pick<ScorecardFeature, 'bins' | 'specials' | 'missing'>;
