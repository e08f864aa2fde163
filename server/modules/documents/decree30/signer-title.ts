import type { OrganisationKind } from '../../../../shared/domain/organisations/kinds';

/**
 * The head's title by the kind of body that signs ("Giám đốc" of a department); the officer adds
 * "KT." and the deputy's title when a deputy signs. Kinds without a usual title get the neutral
 * "Thủ trưởng cơ quan".
 */
const SIGNER_TITLE: Partial<Record<OrganisationKind, string>> = {
  so: 'Giám đốc',
  ban: 'Trưởng ban',
  ubnd_tinh: 'Chủ tịch',
  ubnd_huyen: 'Chủ tịch',
  ubnd_xa: 'Chủ tịch',
};

export const signerTitleOf = (kind: string | null) =>
  SIGNER_TITLE[kind as OrganisationKind] ?? 'Thủ trưởng cơ quan';
