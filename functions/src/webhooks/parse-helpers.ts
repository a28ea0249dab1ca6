import { z } from "zod";
import { MoneyFormatError, parseMajorToMinor, parseMinorString, type ParseAmountOptions } from "../money/decimal.js";
import { isCurrency } from "../../../contracts/currency.js";
import { PayloadError, payloadErrorFromZod } from "./payload-error.js";

/** Runs a zod schema at the boundary, turning its failure into a PayloadError naming the fields. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, context: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw payloadErrorFromZod(context, result.error);
  return result.data;
}

export const currencyCode = z.string().refine(isCurrency, { message: "unknown currency code" });

function wrapMoney<T>(field: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MoneyFormatError || error instanceof RangeError) {
      throw new PayloadError(`${field}: ${error.message}`);
    }
    throw error;
  }
}

export function minorField(field: string, value: string, options?: ParseAmountOptions): number {
  return wrapMoney(field, () => parseMinorString(value, options));
}

export function majorField(field: string, value: string, currency: string, options?: ParseAmountOptions): number {
  return wrapMoney(field, () => parseMajorToMinor(value, currency, options));
}
