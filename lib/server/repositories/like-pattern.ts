/** Search text as a literal ILIKE operand: %, _ and \ match themselves (Prisma's `contains` does not escape them). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
