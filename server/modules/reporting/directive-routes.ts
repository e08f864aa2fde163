import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createDirectiveRequestSchema,
  directiveListQuerySchema,
  directiveListResponseSchema,
  directiveSchema,
  reportParamsSchema,
  taskParamsSchema,
} from '../../../shared/contracts/reporting';
import type { Action } from '../../../shared/domain/auth/permissions';
import type { AppContext } from '../../context';
import { access, type RecordScope } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { addDirective, listDirectives } from './directives';

const tags = ['reporting'];

/**
 * Directives (ý kiến chỉ đạo) hang on a report or on a task; both targets have the same pair of
 * endpoints and differ only in the path, who may read, and what the summary calls the target.
 */
const TARGETS = [
  {
    kind: 'report' as const,
    path: '/reports/:id/directives',
    params: reportParamsSchema,
    idOf: (p: Record<string, unknown>) => Number(p.id),
    read: 'reports.read',
    readScope: 'report-read',
    noun: 'báo cáo',
  },
  {
    kind: 'task' as const,
    path: '/tasks/:id/directives',
    params: taskParamsSchema,
    idOf: (p: Record<string, unknown>) => Number(p.id),
    read: 'plans.read',
    readScope: 'none',
    noun: 'nhiệm vụ',
  },
] satisfies readonly (Record<string, unknown> & { read: Action; readScope: RecordScope })[];

export function directiveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const t of TARGETS) {
      app.get(
        t.path,
        {
          config: access(t.read, t.readScope),
          schema: {
            tags,
            summary: `Ý kiến chỉ đạo về ${t.noun}`,
            params: t.params,
            querystring: directiveListQuerySchema,
            response: { 200: directiveListResponseSchema },
          },
        },
        async (req) => {
          const user = requirePermission(req, t.read);
          return listDirectives(ctx, user, { kind: t.kind, id: t.idOf(req.params) }, req.query);
        },
      );

      app.post(
        t.path,
        {
          config: access('directives.write'),
          schema: {
            tags,
            summary: `Lãnh đạo cho ý kiến chỉ đạo về ${t.noun}`,
            params: t.params,
            body: createDirectiveRequestSchema,
            response: { 201: directiveSchema },
          },
        },
        async (req, reply) => {
          const actor = requirePermission(req, 'directives.write');
          const target = { kind: t.kind, id: t.idOf(req.params) };
          const d = await addDirective(requestContext(ctx, req, actor), target, req.body.text);
          return reply.status(201).send(d);
        },
      );
    }
  };
}
