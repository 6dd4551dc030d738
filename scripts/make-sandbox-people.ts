/**
 * Writes `adapters/identity/sandbox-people.json`: 300 synthetic people for the sandbox
 * identity registry. The output depends only on SEED, so rerunning it changes nothing.
 * Names, ID numbers, phones and cards are made up but pass the same format checks as real
 * ones (GB 11643 check digit, real birth date, 1[3-9] mobile, Luhn-valid UnionPay card).
 *
 * Usage: npx tsx scripts/make-sandbox-people.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { INSUFFICIENT_FUNDS_PREFIX, SANDBOX_TEST_CARDS } from '../adapters/bank/test-cards';

/** Every this many people, one gets a card in the insufficient-funds test range. */
const INSUFFICIENT_FUNDS_EVERY = 16;
import { passesLuhn } from '../core/validation/bankCard';
import { checkCharacter } from '../core/validation/idCard';
import type { SandboxPerson } from '../adapters/identity/sandbox-registry';
import { createSeededRandom, type SeededRandom } from './lib/seeded-random';

const SEED = 20240301;
const PERSON_COUNT = 300;
/** Data rows in the Taiwan credit-card default dataset that `creditRow` indexes. */
const CREDIT_ROW_COUNT = 30_000;
const PHOTOS = ['Paul.jpeg', 'Chris.jpeg', 'Bryan.png', 'Luciano.jpg'] as const;
/**
 * People with failing test cards: indices 12, 28, 44, … for the insufficient-funds range and
 * 288, 292, 296 for the single cards. All are multiples of 4, so their photo is `Paul.jpeg`.
 */
const FAILING_CARD_OFFSET = 12;
const SINGLE_TEST_CARD_PEOPLE = [288, 292, 296] as const;
const OUTPUT_FILE = path.resolve(__dirname, '../adapters/identity/sandbox-people.json');

const SURNAMES = [
  ...('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余' +
    '杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎' +
    '贺顾毛郝龚邵万钱严武戴莫孔汤'),
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫'];
const GIVEN_CHARACTERS = [
  ...('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏辉林建文宇浩思雨欣子晨嘉佳' +
    '梓涵博一诺宁志海春晓峰琳婷颖璐凯斌亮俊鑫雪慧倩蕾瑶怡悦航昊然轩泽睿'),
];

/** County-level region codes (first six ID digits) in large cities. */
const REGION_CODES = [
  '110101', '110105', '110108', '310104', '310115', '440305', '440106', '510107',
  '330106', '420106', '320102', '500103',
];
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155',
  '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '185', '186',
  '187', '188', '189', '191', '195', '198', '199',
];
/** UnionPay issuer prefixes with the card length each issuer uses. */
const CARD_ISSUERS = [
  { prefix: '622202', length: 19 },
  { prefix: '622848', length: 19 },
  { prefix: '622700', length: 19 },
  { prefix: '621483', length: 16 },
  { prefix: '622588', length: 16 },
  { prefix: '621226', length: 19 },
];

/** Returns the Luhn check digit that completes a card number without its last digit. */
function luhnCheckDigit(payload: string): string {
  const digit = [...'0123456789'].find((candidate) => passesLuhn(payload + candidate));
  if (digit === undefined) throw new Error(`no Luhn check digit for ${payload}`);
  return digit;
}

function randomDigits(random: SeededRandom, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(random.int(0, 9));
  return digits;
}

function makeName(random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.03) {
    return random.pick(COMPOUND_SURNAMES) + random.pick(GIVEN_CHARACTERS) +
      random.pick(GIVEN_CHARACTERS);
  }
  const surname = random.pick(SURNAMES);
  if (roll < 0.35) return surname + random.pick(GIVEN_CHARACTERS);
  return surname + random.pick(GIVEN_CHARACTERS) + random.pick(GIVEN_CHARACTERS);
}

/** Birth dates run from 1965-01-01 to 2004-12-31, computed in UTC so no zone shifts a day. */
function makeBirthDate(random: SeededRandom): string {
  const firstDayMs = Date.UTC(1965, 0, 1);
  const lastDayMs = Date.UTC(2004, 11, 31);
  const dayCount = (lastDayMs - firstDayMs) / 86_400_000;
  const date = new Date(firstDayMs + random.int(0, dayCount) * 86_400_000);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function makeIdNumber(random: SeededRandom): string {
  const first17 = random.pick(REGION_CODES) + makeBirthDate(random) + randomDigits(random, 3);
  return first17 + checkCharacter(first17);
}

function makeBankCard(random: SeededRandom): string {
  const issuer = random.pick(CARD_ISSUERS);
  const payload = issuer.prefix + randomDigits(random, issuer.length - issuer.prefix.length - 1);
  return payload + luhnCheckDigit(payload);
}

/** Draws until `make` returns a value not yet in `taken`, then records it. */
function drawUnique(taken: Set<string>, make: () => string): string {
  for (;;) {
    const value = make();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

/**
 * Builds the people. About one in 16 carries a card in the insufficient-funds test range, and
 * three more carry the bank rail's three single failing test cards. All of them have the
 * photo `Paul.jpeg`, whose second shot `Paul2.jpeg` passes the sandbox's single-photo face
 * check, so their failing payouts and collections can be tried in the browser.
 */
export function makeSandboxPeople(seed = SEED): SandboxPerson[] {
  const random = createSeededRandom(seed);
  const ids = new Set<string>();
  const phones = new Set<string>();
  const cards = new Set<string>(Object.values(SANDBOX_TEST_CARDS));
  const rowStride = CREDIT_ROW_COUNT / PERSON_COUNT;
  const people: SandboxPerson[] = [];

  for (let i = 0; i < PERSON_COUNT; i++) {
    people.push({
      name: makeName(random),
      idNumber: drawUnique(ids, () => makeIdNumber(random)),
      phone: drawUnique(phones, () => random.pick(MOBILE_PREFIXES) + randomDigits(random, 8)),
      bankCard: drawUnique(cards, () => makeBankCard(random)),
      photo: PHOTOS[i % PHOTOS.length],
      // One row from each block of `rowStride` rows: distinct and spread over the file.
      creditRow: i * rowStride + random.int(0, rowStride - 1),
    });
  }

  // About one person in 16 gets a card in the insufficient-funds test range. A separate
  // random stream keeps every other field the same as before the range existed.
  const testCardRandom = createSeededRandom(seed + 1);
  for (let i = FAILING_CARD_OFFSET; i < PERSON_COUNT; i += INSUFFICIENT_FUNDS_EVERY) {
    people[i].bankCard = drawUnique(cards, () => {
      const payload = INSUFFICIENT_FUNDS_PREFIX + randomDigits(testCardRandom, 7);
      return payload + luhnCheckDigit(payload);
    });
  }
  people[SINGLE_TEST_CARD_PEOPLE[0]].bankCard = SANDBOX_TEST_CARDS.insufficientFunds;
  people[SINGLE_TEST_CARD_PEOPLE[1]].bankCard = SANDBOX_TEST_CARDS.accountClosed;
  people[SINGLE_TEST_CARD_PEOPLE[2]].bankCard = SANDBOX_TEST_CARDS.timeout;
  return people;
}

if (require.main === module) {
  const people = makeSandboxPeople();
  const json = '[\n' + people.map((person) => '  ' + JSON.stringify(person)).join(',\n') + '\n]\n';
  fs.writeFileSync(OUTPUT_FILE, json);
  console.log(`wrote ${people.length} people, ${json.length} bytes, to ${OUTPUT_FILE}`);
}
