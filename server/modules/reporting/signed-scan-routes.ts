import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reportParamsSchema } from '../../../shared/contracts/reporting';
import {
  SIGNED_SCAN_MAX_BYTES,
  signedScanListSchema,
  signedScanParamsSchema,
  signedScanSchema,
} from '../../../shared/contracts/signed-scans';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { readUploadedFile } from '../../http/upload-limits';
import { listSignedScans, readSignedScan, uploadSignedScan } from './signed-scans';

const tags = ['reporting'];

/** The signed scan of a report: list, upload (replacing the current one, keeping it), download. */
export function signedScanRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/:id/signed-scans',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Các bản scan báo cáo đã ký (mới nhất trước; bản mới nhất là bản hiện hành)',
          params: reportParamsSchema,
          response: { 200: signedScanListSchema },
        },
      },
      async (req) => listSignedScans(ctx, requirePermission(req, 'reports.read'), req.params.id),
    );

    app.post(
      '/reports/:id/signed-scans',
      {
        // The agency's own reporters, once the report is sent (report-policy.ts signedScanDenial).
        config: access('reports.write', 'report-edit'),
        schema: {
          tags,
          summary:
            'Tải lên bản scan báo cáo đã ký (PDF, JPG, PNG, TIF; tối đa 20 MB) sau khi gửi báo cáo; bản trước được giữ lại',
          consumes: ['multipart/form-data'],
          params: reportParamsSchema,
          response: { 201: signedScanSchema },
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'reports.write');
        const upload = await readUploadedFile(req, {
          maxBytes: SIGNED_SCAN_MAX_BYTES,
          missing: 'Vui lòng chọn tệp scan báo cáo đã ký để tải lên.',
        });
        const scan = await uploadSignedScan(requestContext(ctx, req, actor), req.params.id, upload);
        return reply.status(201).send(scan);
      },
    );

    app.get(
      '/reports/:id/signed-scans/:scanId',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Tải một bản scan báo cáo đã ký (chỉ người được xem báo cáo)',
          params: signedScanParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const f = await readSignedScan(ctx, user, req.params.id, req.params.scanId);
        return reply
          .type(f.mediaType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('x-content-sha256', f.sha256)
          .send(f.bytes);
      },
    );
  };
}
