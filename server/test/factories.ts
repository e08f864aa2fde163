import type { Role } from '../../shared/domain/auth/roles';
import type { OrganisationKind } from '../../shared/domain/organisations/kinds';
import type { AppContext } from '../context';
import { insertOrganisation } from '../modules/organisations/organisation-repository';
import { createUser } from '../modules/users/user-service';

let seq = 0;
const next = () => ++seq;

export async function buildOrganisation(
  ctx: AppContext,
  o: {
    code?: string;
    name?: string;
    kind?: OrganisationKind;
    validFrom?: string;
    validTo?: string;
    aliases?: string[];
  } = {},
): Promise<{ id: number; code: string; name: string }> {
  const n = next();
  const code = o.code ?? `ORG_${n}`;
  const name = o.name ?? `Sở Thử nghiệm ${n}`;
  const id = await insertOrganisation(ctx.db, {
    code,
    name,
    shortName: null,
    kind: o.kind ?? 'so',
    parentId: null,
    validFrom: o.validFrom ?? null,
    validTo: o.validTo ?? null,
    successorId: null,
    aliases: o.aliases ?? [],
  });
  return { id, code, name };
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export async function buildUser(
  ctx: AppContext,
  u: { role: Role; organisationId?: number; username?: string; fullName?: string; password?: string },
): Promise<{ id: number; username: string; password: string; organisationId: number }> {
  const organisationId = u.organisationId ?? (await buildOrganisation(ctx)).id;
  const username = u.username ?? `${u.role}${next()}`;
  const password = u.password ?? TEST_PASSWORD;
  const user = await createUser(
    ctx,
    null,
    {
      username,
      fullName: u.fullName ?? `Người dùng ${username}`,
      role: u.role,
      organisationId,
      password,
      mustChangePassword: false,
    },
    null,
  );
  return { id: user.id, username, password, organisationId };
}
