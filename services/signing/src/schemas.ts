import { z } from 'zod';
import { Text, UnitId } from '#shared/http/inputs.js';

/** Body of `POST /api/units`. */
export const RegisterUnitBody = z
  .strictObject({
    name: Text(200),
    parentId: UnitId.optional(),
    category: Text(100),
  })
  .meta({ examples: [{ name: '北湖县', category: '县（市、区）委', parentId: '0196a0f2-3b7c-7d1e-9f00-1a2b3c4d5e6f' }] });
export type RegisterUnitBody = z.infer<typeof RegisterUnitBody>;

export const UnitView = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  category: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitList = z.object({ units: z.array(UnitView) });
