import { z } from 'zod';
import { defineFunction } from '../../services/platform/handler';
import { agreementDigest, fenAmount, idempotencyKey, termMonths } from '../../services/platform/schemas';
import { createDraw } from '../../services/loans/create-draw';

const input = z.strictObject({ amountFen: fenAmount('amountFen'), termMonths, idempotencyKey, agreementDigest });

/** Draw: borrows part of the line, under the accepted loan agreement, and pays it out to the bound card. */
export const main = defineFunction({
  name: 'draw',
  caller: 'required',
  input,
  run: (request, { caller, services, requestId }) => createDraw(services, caller!, request, requestId),
});
