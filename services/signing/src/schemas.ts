import { z } from 'zod';

/** Body of `POST /api/units`. */
export const RegisterUnitBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  parentId: z.string().min(1).optional(),
  category: z.string().trim().min(1).max(100),
});
export type RegisterUnitBody = z.infer<typeof RegisterUnitBody>;

export const UnitView = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  category: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitList = z.object({ units: z.array(UnitView) });
