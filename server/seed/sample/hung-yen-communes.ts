import path from 'node:path';

/**
 * Sample data: Hưng Yên's commune-level units from 1/7/2025 (fixtures/registry/README.md), loaded by the
 * demo through the same loader as any province's list (organisations/commune-import.ts).
 */
export const HUNG_YEN_COMMUNES = {
  file: path.join(import.meta.dirname, '../../../fixtures/registry/hung-yen-communes-2025.csv'),
  validFrom: '2025-07-01',
  source:
    'Nghị quyết số 1666/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hưng Yên năm 2025',
  parentCode: 'UBND_TINH',
} as const;
