import { type AppContext, systemContext } from '../context';
import { generatePassword } from '../modules/auth/password';
import { insertOrganisation } from '../modules/organisations/organisation-repository';
import { countActiveAdmins } from '../modules/users/user-repository';
import { createUser } from '../modules/users/user-service';

export interface BootstrapResult {
  username: string;
  password: string;
  /** True when the password was generated here and must be shown once. */
  generated: boolean;
}

/**
 * A new database gets one administrator so the system can be configured. Its password comes from
 * PLANWATCH_ADMIN_PASSWORD or is generated, printed once, and must be changed at first login.
 */
export async function ensureAdmin(ctx: AppContext): Promise<BootstrapResult | null> {
  if ((await countActiveAdmins(ctx.db)) > 0) return null;
  const organisationId = (await adminHome(ctx)) ?? (await createProvinceCommittee(ctx));
  const generated = !ctx.config.adminPassword;
  const password = ctx.config.adminPassword ?? generatePassword();
  await createUser(systemContext(ctx), {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    role: 'admin',
    organisationId,
    password,
    mustChangePassword: generated,
  });
  return { username: 'admin', password, generated };
}

/** The provincial committee if registered, else the first agency. */
async function adminHome(ctx: AppContext): Promise<number | undefined> {
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'kind']).orderBy('id').execute();
  return (rows.find((r) => r.kind === 'ubnd_tinh') ?? rows[0])?.id;
}

function createProvinceCommittee(ctx: AppContext): Promise<number> {
  return insertOrganisation(ctx.db, {
    code: 'UBND_TINH',
    name: 'Ủy ban nhân dân tỉnh',
    shortName: 'UBND tỉnh',
    kind: 'ubnd_tinh',
    parentId: null,
    validFrom: null,
    validTo: null,
    successorId: null,
    aliases: [],
  });
}
