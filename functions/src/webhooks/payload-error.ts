import type { z } from "zod";

/**
 * A body that verified but cannot be understood. The message names the offending field and never
 * carries the payload itself (it may hold customer data).
 */
export class PayloadError extends Error {
  override name = "PayloadError";
}

export function payloadErrorFromZod(context: string, error: z.ZodError): PayloadError {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return new PayloadError(`${context}: ${issues}`);
}

export function parseJsonBody(rawBody: string | Buffer, context: string): unknown {
  try {
    return JSON.parse(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8"));
  } catch {
    throw new PayloadError(`${context}: body is not valid JSON`);
  }
}
