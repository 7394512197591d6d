/**
 * Reason codes (the optional ReasonCodes table): a short code per kind of forecast change, with the
 * team it comes from, so forecast value added can be reported by code and by source (SAP IBP's
 * reason codes; Gilliland's FVA by contributor).
 */
import { normalizeName } from "../names";

export const REASON_SOURCES = ["Sales", "Marketing", "Finance", "Operations"] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];

export interface ReasonCode {
  code: string;
  description: string;
  source: ReasonSource;
}

/**
 * The code a Reason cell names, or null: the text before a colon ("PROMO: spring mailing"), else
 * its first word ("PROMO spring mailing"), else the whole text, matched like other names (case,
 * spaces, "-" and "_" ignored).
 *
 * @example reasonCodeOf("promo: spring mailing", codes) // => the PROMO code
 */
export function reasonCodeOf(reason: string | null, codes: readonly ReasonCode[]): ReasonCode | null {
  if (reason === null || !reason.trim()) return null;
  const text = reason.trim();
  const byName = new Map(codes.map((c) => [normalizeName(c.code), c]));
  const colon = text.indexOf(":");
  for (const candidate of [colon >= 0 ? text.slice(0, colon) : text, text.split(/\s+/)[0]]) {
    const found = byName.get(normalizeName(candidate));
    if (found) return found;
  }
  return null;
}
