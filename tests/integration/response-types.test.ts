import { describe, expectTypeOf, it } from "vitest";
import type {
  CatalogResponse,
  HealthResponse,
  PromptResponse,
  ResolveResponse,
  RollbackResponse,
} from "@/lib/domain/schemas/responses";
import type { getCatalog } from "@/lib/server/services/catalog-service";
import type { Health } from "@/lib/server/services/health-service";
import type { PromptDto } from "@/lib/server/services/prompt-dto";
import type { ResolveResult } from "@/lib/server/services/resolve-service";
import type { RollbackResult } from "@/lib/server/services/rollback-service";

/**
 * The response schemas (lib/domain/schemas/responses.ts) are the API's documented shapes; the
 * services still declare their own result types. These checks run in `npm run typecheck`: a field
 * added, renamed or removed on either side fails it. Values the schemas narrow to catalog enums are
 * plain strings in the services (the database's CHECK constraints keep them in the catalog), and the
 * OpenAPI test validates real responses against the enums.
 */
describe("service result types match the response schemas", () => {
  it("has the same fields", () => {
    expectTypeOf<keyof PromptDto>().toEqualTypeOf<keyof PromptResponse>();
    expectTypeOf<PromptResponse>().toExtend<PromptDto>();
    expectTypeOf<keyof ResolveResult>().toEqualTypeOf<keyof ResolveResponse>();
    expectTypeOf<keyof ResolveResult["prompt"]>().toEqualTypeOf<keyof ResolveResponse["prompt"]>();
    expectTypeOf<ResolveResponse>().toExtend<ResolveResult>();
    expectTypeOf<keyof RollbackResult>().toEqualTypeOf<keyof RollbackResponse>();
    expectTypeOf<RollbackResponse>().toExtend<RollbackResult>();
    expectTypeOf<Health>().toEqualTypeOf<HealthResponse>();
    expectTypeOf<keyof ReturnType<typeof getCatalog>>().toEqualTypeOf<keyof CatalogResponse>();
    expectTypeOf<ReturnType<typeof getCatalog>>().toExtend<CatalogResponse>();
  });
});
