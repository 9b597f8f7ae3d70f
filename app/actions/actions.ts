"use server";

import { serverAction } from "@/lib/server/http/action";
import {
  createActionInstructionVersion,
  setActionInstructionActive,
} from "@/lib/server/services/action-instruction-service";

// The Actions page's mutations, through the same services as the API (which authorize the caller).

export const saveActionVersion = serverAction((caller, type: string, input: unknown) =>
  createActionInstructionVersion(caller, type, input),
);

export const setActionVersionActive = serverAction((caller, id: string, isActive: boolean) =>
  setActionInstructionActive(caller, id, { isActive }),
);
