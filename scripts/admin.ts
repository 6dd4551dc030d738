/**
 * Operator commands on the embedded store (`LOAN_DATA_DIR`, default `data`):
 *
 *   npm run admin -- partners                       partner banks, facilities and exposure
 *   npm run admin -- pool                           lending pool and funds accounts
 *   npm run admin -- invite <openid>... [--cohort C] invite users to the pilot
 *   npm run admin -- revoke <openid>...             revoke invitations
 *   npm run admin -- invitations                    list invitations
 *   npm run admin -- settlement --date D [--partner P] [--csv]
 *   npm run admin -- ledger-check                   balance check of every journal
 *
 * Every command prints a table, or JSON with --json.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../services/platform/logger';
import { createEmbeddedServices, type Services } from '../services/container';
import { prepareServices } from '../services/bootstrap';
import { accountBalances, checkLedger } from '../services/ledger';
import { PARTNER_EXPOSURE, type ExposureDocument } from '../services/colending/exposure';
import { partnerStatement, statementsToCsv } from '../services/colending/settlement';
import { INVITATIONS, rolloutBucket, type InvitationDocument } from '../services/account/pilot';
import { businessDate, isValidDate } from '../core/dates';
import { formatYuan } from '../core/money';

type Row = Record<string, string | number | boolean | null>;

function printTable(rows: Row[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)));
  const line = (values: string[]) => values.map((value, index) => value.padEnd(widths[index])).join('  ') + '\n';
  process.stdout.write(line(columns));
  process.stdout.write(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) process.stdout.write(line(columns.map((column) => String(row[column] ?? ''))));
}

const yuan = (fen: number) => formatYuan(fen, { thousands: true });

async function balancesByAccount(services: Services): Promise<Map<string, number>> {
  const balances = await accountBalances(services.store);
  return new Map(balances.map((item) => [item.account, item.balanceFen]));
}

async function partnersReport(services: Services): Promise<Row[]> {
  const balances = await balancesByAccount(services);
  const rows: Row[] = [];
  for (const partner of services.partners) {
    const exposure = await services.store.get<ExposureDocument>(PARTNER_EXPOSURE, partner.id);
    rows.push({
      id: partner.id,
      name: partner.name,
      facilityYuan: yuan(partner.facilityLimitFen),
      maxShare: `${partner.maxSharePpm / 10_000}%`,
      minScore: partner.eligibility.minDisplayScore,
      maxLineYuan: yuan(partner.eligibility.maxLineFen),
      capYuan: yuan(partner.concentrationCapFen),
      fundsYuan: yuan(balances.get(`partner_funds:${partner.id}`) ?? 0),
      outstandingYuan: yuan(exposure?.outstandingFen ?? 0),
    });
  }
  return rows;
}

async function poolReport(services: Services): Promise<Row[]> {
  const balances = await balancesByAccount(services);
  const accounts = [
    'platform_funds',
    'settlement_in_transit',
    'loans_principal_receivable',
    'interest_accrued',
    'interest_receivable',
    'interest_income',
    'penalty_income',
    ...services.partners.flatMap((partner) => [`partner_funds:${partner.id}`, `partner_principal_receivable:${partner.id}`]),
  ];
  return accounts.map((account) => ({ account, balanceFen: balances.get(account) ?? 0, balanceYuan: yuan(balances.get(account) ?? 0) }));
}

async function setInvitations(services: Services, openIds: string[], cohort: string | undefined, revoke: boolean): Promise<Row[]> {
  if (openIds.length === 0) throw new Error('Give at least one OPENID.');
  const now = services.clock.now().toISOString();
  const rows: Row[] = [];
  // Check every id before writing any, so a bad id leaves no half-applied batch.
  for (const openId of openIds) {
    if (!/^[A-Za-z0-9_-]{6,64}$/.test(openId)) throw new Error(`"${openId}" is not a valid OPENID (6–64 letters, digits, _ or -).`);
  }
  for (const openId of openIds) {
    const existing = await services.store.get<InvitationDocument>(INVITATIONS, openId);
    const document: InvitationDocument = revoke
      ? { ...(existing ?? { _id: openId, cohort: 'none', invitedAt: now }), revokedAt: now }
      : { _id: openId, cohort: cohort ?? 'pilot', invitedAt: now };
    await services.store.set(INVITATIONS, document);
    rows.push({ openId, cohort: document.cohort, invitedAt: document.invitedAt, revokedAt: document.revokedAt ?? null });
  }
  return rows;
}

async function invitationsReport(services: Services): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.store.page<InvitationDocument>(INVITATIONS, { limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const item of page.documents) {
      rows.push({ openId: item._id, cohort: item.cohort, invitedAt: item.invitedAt, revokedAt: item.revokedAt ?? null, bucket: rolloutBucket(item._id) });
    }
    cursor = page.cursor;
  } while (cursor);
  return rows;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      date: { type: 'string' },
      partner: { type: 'string' },
      cohort: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const services = createEmbeddedServices({ logger: createLogger({ level: 'warn' }) });
  await prepareServices(services);
  try {
    let rows: Row[];
    switch (command) {
      case 'partners':
        rows = await partnersReport(services);
        break;
      case 'pool':
        rows = await poolReport(services);
        break;
      case 'invite':
      case 'revoke':
        rows = await setInvitations(services, rest, values.cohort, command === 'revoke');
        break;
      case 'invitations':
        rows = await invitationsReport(services);
        break;
      case 'settlement': {
        const date = values.date ?? businessDate(services.clock.now());
        if (!isValidDate(date)) throw new Error(`--date must be a real date written YYYY-MM-DD, got "${date}".`);
        const known = services.partners.map((partner) => partner.id);
        if (values.partner && !known.includes(values.partner)) {
          throw new Error(`Unknown partner "${values.partner}": use one of ${known.join(', ')}.`);
        }
        const partners = values.partner ? [values.partner] : known;
        const statements = [];
        for (const partnerId of partners) statements.push(await partnerStatement(services.store, partnerId, date));
        if (values.csv) {
          process.stdout.write(statementsToCsv(statements));
          return 0;
        }
        rows = statements as unknown as Row[];
        break;
      }
      case 'ledger-check': {
        const report = await checkLedger(services.store);
        rows = [{ balanced: report.balanced, journals: report.journals, totalDebitFen: report.totalDebitFen, totalCreditFen: report.totalCreditFen, problems: report.problems.join('; ') }];
        if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else printTable(rows);
        return report.balanced ? 0 : 1;
      }
      default:
        process.stderr.write('Usage: npm run admin -- <partners|pool|invite|revoke|invitations|settlement|ledger-check> [--json]\n');
        return 2;
    }
    if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else printTable(rows);
    return 0;
  } finally {
    await services.store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
