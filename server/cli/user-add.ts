import { ROLES, type Role } from '../../shared/domain/auth/roles';
import type { Config } from '../config';
import { systemContext } from '../context';
import { AppError } from '../http/errors';
import { generatePassword } from '../modules/auth/password';
import { findOrganisationByCode } from '../modules/organisations/organisation-repository';
import { createUser } from '../modules/users/user-service';
import { openContext } from '../runtime';
import { type Lang, MSG } from './messages';

/** `planwatch user add`: the same rules as the admin screen (validation, audit), from a shell. */
export async function addUserCommand(
  config: Config,
  opts: Record<string, unknown>,
  lang: Lang,
): Promise<number> {
  const m = MSG[lang];
  const get = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
  for (const required of ['username', 'name', 'role', 'org']) {
    if (!get(required)) {
      console.error(m.missingOption(required));
      return 1;
    }
  }
  const role = get('role') as Role;
  if (!ROLES.includes(role)) {
    console.error(m.missingOption(`role (${ROLES.join('|')})`));
    return 1;
  }
  const ctx = await openContext(config);
  try {
    const org = await findOrganisationByCode(ctx.db, get('org')!);
    if (!org) {
      console.error(m.unknownOrg(get('org')!));
      return 1;
    }
    const given = get('password');
    const password = given ?? generatePassword();
    await createUser(systemContext(ctx), {
      username: get('username')!.toLowerCase(),
      fullName: get('name')!,
      email: get('email') ?? null,
      role,
      organisationId: org.id,
      password,
      mustChangePassword: !given,
    });
    console.log(m.userCreated(get('username')!));
    if (!given) console.log(m.generatedPassword(password));
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${m.failed} ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await ctx.db.destroy();
  }
}
