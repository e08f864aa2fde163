import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config';
import { HELP, type Lang, MSG } from './messages';

/*
 * Every command loads what it needs when it runs (`await import`): the compiled build keeps each in its
 * own chunk, so `planwatch --help` or `planwatch import` never loads the web server, the spreadsheet
 * reader or the mailer (docs/PERFORMANCE.md, "Start-up of the command line").
 */

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    help: { type: 'boolean', short: 'h' },
    lang: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    password: { type: 'string' },
    email: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    plan: { type: 'string' },
    period: { type: 'string' },
    kind: { type: 'string' },
    agency: { type: 'string' },
    format: { type: 'string' },
    workers: { type: 'string' },
    from: { type: 'string' },
    source: { type: 'string' },
    parent: { type: 'string' },
  },
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const lang: Lang = (str(values.lang) ?? process.env.PLANWATCH_LANG) === 'en' ? 'en' : 'vi';
const m = MSG[lang];

function config() {
  const port = str(values.port);
  const host = str(values.host);
  const dataDir = str(values['data-dir']);
  const env = {
    ...process.env,
    ...(port ? { PORT: port } : {}),
    ...(host ? { HOST: host } : {}),
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  };
  return loadConfig(env);
}

/** The address actually listened on (PORT=0 picks a free port, which tests use). */
function listeningUrl(app: FastifyInstance): string {
  const addr = app.server.address();
  return `http://localhost:${typeof addr === 'object' && addr ? addr.port : ''}`;
}

async function main(): Promise<number> {
  const [command, sub] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP[lang]);
    return 0;
  }
  switch (command) {
    case 'migrate': {
      const { connectContext } = await import('../runtime');
      const { migrateToLatest } = await import('../db/migrate');
      const ctx = connectContext(config());
      const result = await migrateToLatest(ctx.db);
      console.log(m.migrated(result.results?.length ?? 0, ctx.dbKind));
      await ctx.db.destroy();
      return 0;
    }
    case 'serve': {
      const { isWorker, reportListening, runWorkers, workerCount } = await import('../cluster');
      const workers = workerCount(str(values.workers));
      if (workers === null) {
        console.error(m.badWorkers);
        return 1;
      }
      const { openContext, startServer } = await import('../runtime');
      if (isWorker()) {
        // The primary has migrated the database and created the administrator already.
        const app = await startServer(await openContext(config()));
        reportListening(listeningUrl(app));
        return -1;
      }
      const [{ withLease }, { ensureAdmin }] = await Promise.all([
        import('../jobs/job-lease'),
        import('../seed/bootstrap-admin'),
      ]);
      const ctx = await openContext(config());
      // Two processes starting together on a new database must not both create the administrator.
      const admin = await withLease(ctx.db, 'bootstrap-admin', () => ensureAdmin(ctx));
      if (admin)
        console.log(
          admin.generated ? m.adminCreated(admin.username, admin.password) : m.adminFromEnv(admin.username),
        );
      if (workers === 1) {
        const app = await startServer(ctx);
        console.log(m.listening(listeningUrl(app)));
        return -1;
      }
      await ctx.db.destroy();
      return runWorkers(workers, {
        listening: (url) => console.log(`${m.listening(url)} ${m.workers(workers)}`),
        replaced: (pid, code) => console.error(m.workerReplaced(pid, code)),
      });
    }
    case 'demo': {
      const [{ openContext, startServer }, { loadDemoData }, { ROLE_LABELS }] = await Promise.all([
        import('../runtime'),
        import('../seed/demo'),
        import('../../shared/domain/auth/roles'),
      ]);
      // Keep request logs out of the way of the printed logins unless asked for.
      const ctx = await openContext({ ...config(), logLevel: process.env.LOG_LEVEL ?? 'warn' });
      const logins = await loadDemoData(ctx);
      const app = await startServer(ctx);
      console.log(`\n${m.listening(listeningUrl(app))}\n${m.demoLogins}`);
      for (const l of logins) {
        console.log(
          `  ${l.username.padEnd(12)} / ${l.password}   ${ROLE_LABELS[l.role]} — ${l.organisation}`,
        );
      }
      return -1;
    }
    case 'import':
      return (await import('./import-plan')).importPlanCommand(
        config(),
        sub,
        { dryRun: values['dry-run'] === true, json: values.json === true },
        lang,
      );
    case 'communes':
      return (await import('./communes-command')).communesCommand(
        config(),
        sub,
        {
          from: str(values.from),
          source: str(values.source),
          parent: str(values.parent),
          dryRun: values['dry-run'] === true,
        },
        lang,
      );
    case 'files':
      if (sub === 'copy-to-database') {
        const { openContext } = await import('../runtime');
        const { copyDiskFilesToDatabase } = await import('../files/copy-to-database');
        const ctx = await openContext(config());
        try {
          const r = await copyDiskFilesToDatabase(ctx);
          console.log(m.filesCopied(r.copied, r.alreadyThere));
          if (r.damaged.length > 0) console.error(m.filesDamaged(r.damaged));
          return r.damaged.length > 0 ? 1 : 0;
        } finally {
          await ctx.db.destroy();
        }
      }
      break;
    case 'backup':
      return (await import('./backup-commands')).backupCommand(config(), str(values.out), lang);
    case 'restore':
      return (await import('./backup-commands')).restoreCommand(config(), sub, lang);
    case 'report':
      return (await import('./report-command')).reportCommand(
        config(),
        {
          plan: str(values.plan),
          period: str(values.period),
          kind: str(values.kind),
          agency: str(values.agency),
          format: str(values.format),
          out: str(values.out),
        },
        lang,
      );
    case 'user':
      if (sub === 'add') return (await import('./user-add')).addUserCommand(config(), values, lang);
      break;
  }
  console.error(m.unknownCommand([command, sub].filter(Boolean).join(' ')));
  return 1;
}

main().then(
  (code) => {
    // Set process.exitCode rather than exiting at once: a piped stdout (import --json)
    // must be flushed before the process ends.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(m.failed, err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
