import { beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { deriveFeatures, FEATURE_NAMES, type FeatureName, type FeatureValues } from '../../core/scoring/features';
import { creditPolicy } from '../../core/scoring/policy';
import {
  featureReason,
  interactionReason,
  neutralReason,
  REASON_TEXTS,
  RISKY_SIDES,
  type ReasonText,
} from '../../core/scoring/reasons';
import { MAX_REASONS, MIN_REASON_POINTS, scoreFeatures, scoreProfile, type ScoreResult } from '../../core/scoring/scorecard';
import { deployedScorecard } from '../../services/deployed-scorecard';
import { loadTaiwanProfiles } from '../../scripts/lib/model-data';
import type { BehaviourProfile } from '../../adapters/ports/credit-data';

const model = deployedScorecard();
const MAX_EXAMPLES = 3;

interface Scored {
  row: number;
  profile: BehaviourProfile;
  values: FeatureValues;
  result: ScoreResult;
}

let scored: Scored[] = [];

beforeAll(() => {
  const { profiles } = loadTaiwanProfiles();
  scored = profiles.map((profile, row) => {
    const values = deriveFeatures(profile);
    return { row, profile, values, result: scoreFeatures(model, values) };
  });
});

/** Lowest and highest ordinary bin edges of a feature's own single-feature table. */
function ownEdges(feature: FeatureName): { bottomUpper: number; topLower: number } | null {
  const table = model.file.features.find((candidate) => candidate.name === feature);
  if (!table || table.bins.length < 2) return null;
  const bins = table.bins;
  return { bottomUpper: bins[0].range[1] as number, topLower: bins[bins.length - 1].range[0] as number };
}

function describeOffender(item: Scored, code: string, feature: FeatureName): string {
  const reason = item.result.reasons.find((candidate) => candidate.code === code);
  return `row ${item.row + 2}: ${code} from ${reason?.feature} (${reason?.pointsBelowBest.toFixed(2)} points) with ${feature} = ${item.values[feature]}`;
}

/** Collects up to MAX_EXAMPLES descriptions and the total count of matching applicants. */
function scan(match: (item: Scored) => string | null): { count: number; examples: string[] } {
  const examples: string[] = [];
  let count = 0;
  for (const item of scored) {
    const found = match(item);
    if (found === null) continue;
    count += 1;
    if (examples.length < MAX_EXAMPLES) examples.push(found);
  }
  return { count, examples };
}

const STATUS_MONTH_FEATURES: Record<string, FeatureName> = {
  LATEST: 'latestStatus',
  PREVIOUS: 'previousStatus',
  STATUS_3M_AGO: 'status3mAgo',
  STATUS_4M_AGO: 'status4mAgo',
  STATUS_5M_AGO: 'status5mAgo',
  STATUS_6M_AGO: 'status6mAgo',
};

describe('reason texts across 30,000 profiles', () => {
  it('low payment text in top bin', () => {
    const edges = ownEdges('paymentAvg6m');
    expect(edges).not.toBeNull();
    const code = REASON_TEXTS.paymentAvg6m.code;
    const found = scan((item) =>
      item.result.reasons.some((reason) => reason.code === code) && item.values.paymentAvg6m > (edges?.topLower ?? Infinity)
        ? describeOffender(item, code, 'paymentAvg6m')
        : null,
    );
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it.each(Object.entries(RISKY_SIDES) as [keyof typeof REASON_TEXTS, 'high' | 'low'][])(
    'side text of %s at best end',
    (feature, side) => {
      const edges = ownEdges(feature);
      if (!edges) return;
      const code = REASON_TEXTS[feature].code;
      const found = scan((item) => {
        if (!item.result.reasons.some((reason) => reason.code === code)) return null;
        const value = item.values[feature];
        const atSafeEnd = side === 'low' ? value > edges.topLower : value <= edges.bottomUpper;
        return atSafeEnd ? describeOffender(item, code, feature) : null;
      });
      expect(found.examples, `${found.count} applicants`).toEqual([]);
    },
  );

  it('few paid months at six', () => {
    const code = REASON_TEXTS.monthsPaidInFull6m.code;
    const allPaid = scan((item) =>
      item.result.reasons.some((reason) => reason.code === code) && item.values.monthsPaidInFull6m === 6
        ? describeOffender(item, code, 'monthsPaidInFull6m')
        : null,
    );
    expect(allPaid.examples, `${allPaid.count} applicants`).toEqual([]);
  });

  it('covered bills text when all covered', () => {
    const coveredCodes = [REASON_TEXTS.monthsBillCovered5m.code, REASON_TEXTS.coveredStreak.code];
    const found = scan((item) => {
      const reason = item.result.reasons.find((candidate) => coveredCodes.includes(candidate.code));
      return reason && item.values.monthsBillCovered5m === 5 ? describeOffender(item, reason.code, 'monthsBillCovered5m') : null;
    });
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('short streak text never at five', () => {
    const code = REASON_TEXTS.coveredStreak.code;
    const found = scan((item) =>
      item.result.reasons.some((reason) => reason.code === code) && item.values.coveredStreak >= 5
        ? describeOffender(item, code, 'coveredStreak')
        : null,
    );
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('interaction fallback needs column loss', () => {
    // A column feature's own text is true only when the column value costs points within the
    // applicant's row. Points lost to the row itself do not show anything about the column value.
    const found = scan((item) => {
      for (const reason of item.result.reasons) {
        const characteristic = model.characteristics.find((candidate) => candidate.name === reason.feature);
        if (!characteristic?.rowFeature || !characteristic.rowEdges || reason.code.includes('_WITH_')) continue;
        const rowValue = item.values[characteristic.rowFeature];
        let rowIndex = 0;
        while (rowIndex < characteristic.rowEdges.length && rowValue > characteristic.rowEdges[rowIndex]) rowIndex += 1;
        const table = characteristic.tables[rowIndex];
        const rowBest = Math.max(table.missingPoints, ...table.binPoints, ...table.specialPoints);
        const lossWithinRow = rowBest - (characteristic.bestPoints - reason.pointsBelowBest);
        if (lossWithinRow < MIN_REASON_POINTS) {
          return `row ${item.row + 2}: ${reason.code} from ${reason.feature} loses ${lossWithinRow.toFixed(2)} points within its row`;
        }
      }
      return null;
    });
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('status month reason matches code', () => {
    const found = scan((item) => {
      for (const reason of item.result.reasons) {
        const match = /^(LATEST|PREVIOUS|STATUS_\dM_AGO)_(PAYMENT_LATE|MINIMUM_ONLY)$/.exec(reason.code);
        if (!match) continue;
        const value = item.values[STATUS_MONTH_FEATURES[match[1]]];
        const holds = match[2] === 'PAYMENT_LATE' ? value >= 1 : value === 0;
        if (!holds) return `row ${item.row + 2}: ${reason.code} with status ${value}`;
      }
      return null;
    });
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('one code per list entry', () => {
    const found = scan((item) => {
      const codes = item.result.reasons.map((reason) => reason.code);
      const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
      return repeated ? `row ${item.row + 2}: ${codes.join(', ')}` : null;
    });
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('list sorted and at most four', () => {
    const found = scan((item) => {
      const { reasons } = item.result;
      if (reasons.length > MAX_REASONS) return `row ${item.row + 2}: ${reasons.length} reasons`;
      for (let i = 1; i < reasons.length; i += 1) {
        if (reasons[i].pointsBelowBest > reasons[i - 1].pointsBelowBest) return `row ${item.row + 2}: unsorted`;
      }
      return null;
    });
    expect(found.examples, `${found.count} applicants`).toEqual([]);
  });

  it('decline always has a reason', () => {
    let declines = 0;
    const found = scan((item) => {
      if (creditPolicy(item.result.displayScore).decision !== 'declined') return null;
      declines += 1;
      return item.result.reasons.length === 0 ? `row ${item.row + 2}: score ${item.result.displayScore}` : null;
    });
    console.info(`declines: ${declines}; declines with no reason: ${found.count}`);
    expect(found.examples, `${found.count} of ${declines} declines`).toEqual([]);
  });

  it('emitted code keeps one text', () => {
    const texts = new Map<string, Set<string>>();
    const record = (reason: ReasonText) => {
      const set = texts.get(reason.code) ?? new Set<string>();
      set.add(`${reason.zh} | ${reason.en}`);
      texts.set(reason.code, set);
    };
    for (const item of scored) item.result.reasons.forEach(record);
    for (const reason of Object.values(REASON_TEXTS)) record(reason);
    const collisions = [...texts].filter(([, set]) => set.size > 1).map(([code, set]) => `${code}: ${[...set].join(' / ')}`);
    expect(collisions).toEqual([]);
  });
});

describe('reason wording', () => {
  function everyText(): ReasonText[] {
    const all: ReasonText[] = [...Object.values(REASON_TEXTS)];
    const bin = { slot: 'bin', riskRisesWithValue: true } as const;
    for (const feature of FEATURE_NAMES) {
      all.push(neutralReason(feature));
      for (const value of [-1, 0, 1, 2]) {
        const reason = featureReason(feature, value, bin);
        if (reason) all.push(reason);
      }
    }
    for (const interaction of model.file.interactions ?? []) {
      all.push(interactionReason(interaction.rowFeature, interaction.columnFeature));
    }
    return all;
  }

  it('reason code keeps one text', () => {
    const texts = new Map<string, Set<string>>();
    for (const reason of everyText()) {
      const set = texts.get(reason.code) ?? new Set<string>();
      set.add(`${reason.zh} | ${reason.en}`);
      texts.set(reason.code, set);
    }
    const collisions = [...texts].filter(([, set]) => set.size > 1).map(([code, set]) => `${code}: ${[...set].join(' / ')}`);
    expect(collisions).toEqual([]);
  });

  it('chinese text has no latin', () => {
    const latin = everyText().filter((reason) => /[A-Za-z]/.test(reason.zh));
    expect(latin.map((reason) => `${reason.code}: ${reason.zh}`)).toEqual([]);
  });

  it('zero payment keeps low text', () => {
    // A payment of exactly 0 is the lowest payment there is, so "was low" is true of it.
    const special = { slot: 'special', riskRisesWithValue: false } as const;
    expect(featureReason('paymentLatest', 0, special)).toEqual(REASON_TEXTS.paymentLatest);
  });
});

describe('scoring cost', () => {
  it('measures microseconds per score', () => {
    const sample = scored.slice(0, 5_000).map((item) => item.profile);
    for (const profile of sample) scoreProfile(model, profile);
    const rounds = 4;
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      for (const profile of sample) scoreProfile(model, profile);
    }
    const microseconds = ((performance.now() - started) * 1000) / (rounds * sample.length);
    console.info(`scoreProfile: ${microseconds.toFixed(2)} µs per applicant over ${rounds * sample.length} scores`);
    expect(Number.isFinite(microseconds)).toBe(true);
  });
});
