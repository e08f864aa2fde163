import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agendaResponseSchema } from '../../../shared/contracts/my-work';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { reporterAgenda } from './agenda-service';

/** GET /api/my-work/agenda: the reporter's home — reports to send and the agency's overdue tasks. */
export function agendaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/my-work/agenda',
      {
        // Always the caller's own agency: nothing to choose, so nothing of another agency to reach.
        config: access('reports.write'),
        schema: {
          tags: ['reporting'],
          summary: 'Việc cần làm của cơ quan người báo cáo: báo cáo cần gửi, nhiệm vụ quá hạn',
          response: { 200: agendaResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.write');
        return reporterAgenda(ctx, user);
      },
    );
  };
}
