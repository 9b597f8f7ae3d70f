import { z } from "zod";
import { CONTEXT_KEY_VALUES } from "../catalog";
import { expectationsSchema } from "./checks";
import { phaseInput } from "./prompt";

/** The providers a preview assembles for (the response format appended to the text differs). */
export const sampleProviderSchema = z.enum(["openai", "anthropic"]);

/** A sample context's values: catalog keys only, text as typed into the preview form. */
export const sampleValuesSchema = z.partialRecord(z.enum(CONTEXT_KEY_VALUES), z.string().max(100_000));

export const saveSampleContextSchema = z.strictObject({
  phase: phaseInput.nullable(),
  name: z.string().trim().min(1, { message: 'Name the sample, e.g. "New user, no notes"' }).max(100),
  values: sampleValuesSchema,
  /** Omitted: a sample saved again from the preview form keeps the expectations it has. */
  expectations: expectationsSchema.optional(),
  /** The provider previewed with when saving; omitted keeps the stored one, null clears it. */
  provider: sampleProviderSchema.nullable().optional(),
});
export type SaveSampleContextData = z.output<typeof saveSampleContextSchema>;

/** A saved sample context as services and the preview form see it. */
export const sampleContextSchema = z.object({
  id: z.uuid(),
  phase: z.string().nullable(),
  name: z.string(),
  values: z.record(z.string(), z.string()),
  expectations: expectationsSchema,
  provider: sampleProviderSchema.nullable(),
  updatedAt: z.string(),
});
export type SampleContext = z.output<typeof sampleContextSchema>;
