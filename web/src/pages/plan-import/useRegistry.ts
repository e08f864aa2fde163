import { useMemo } from 'react';
import type { RegistryEntry } from '../../../../shared/domain/organisations/match';
import { useAllOrganisations } from '../../api/organisations';
import { toRegistry } from './agencyProposal';

/** The registry for proposals and an id → name lookup for every tag on the page. */
export function useRegistry(): { registry: RegistryEntry[]; nameOf: (id: number) => string } {
  const { data } = useAllOrganisations();
  return useMemo(() => {
    const registry = toRegistry(data ?? []);
    const names = new Map(registry.map((r) => [r.id, r.name]));
    return {
      registry,
      nameOf: (id: number) => names.get(id) ?? (data ? `Cơ quan mã số ${id}` : 'Đang tải tên cơ quan…'),
    };
  }, [data]);
}
