import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentParamsSchema,
  attachmentSchema,
  compareVersionsQuerySchema,
  compareVersionsResponseSchema,
  entryParamsSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportParamsSchema,
  reportVersionListResponseSchema,
  reportVersionParamsSchema,
  reportVersionSchema,
  resubmitEntryRequestSchema,
  returnReportRequestSchema,
  reviewEntryRequestSchema,
  saveReportRequestSchema,
  versionedActionRequestSchema,
} from '../../../shared/contracts/reporting';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { readUploadedFile } from '../../http/upload-limits';
import { PageCache } from '../../lib/page-cache';
import { readAttachment, uploadAttachment } from './attachments';
import { resubmitEntry, reviewEntry } from './entry-review';
import { saveReport } from './report-entries';
import { reportPageKey, reportPageVersion } from './report-page-cache';
import { getReport, listReports } from './report-service';
import { compareVersions, getVersion, listVersions } from './versions';
import { acceptReport, returnReport, submitReport } from './workflow';

const tags = ['reporting'];

/** Memory for the report lists' written pages, per process (about 200 pages of 100 reports). */
const REPORT_PAGE_CACHE_BYTES = 16 * 1024 * 1024;

export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reportPages = new PageCache(REPORT_PAGE_CACHE_BYTES);
    /** Pages being written, to keep once serialised (onSend below). */
    const toKeep = new WeakMap<object, { key: string; version: string }>();

    app.get(
      '/reports',
      {
        config: access('reports.read'),
        schema: {
          tags,
          summary:
            'Danh sách báo cáo (cán bộ báo cáo: của cơ quan mình và báo cáo đã tiếp nhận của cơ quan khác)',
          querystring: reportListQuerySchema,
          response: { 200: reportListResponseSchema },
        },
        onSend: async (req, reply, payload) => {
          const keep = toKeep.get(req);
          if (keep && reply.statusCode === 200 && typeof payload === 'string')
            reportPages.set(keep.key, keep.version, Buffer.from(payload));
          return payload;
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const key = reportPageKey(user, req.query);
        const version = await reportPageVersion(ctx.db);
        const page = reportPages.get(key, version);
        // The bytes the serializer wrote for this very key and version: sent as they are.
        if (page) return reply.type('application/json; charset=utf-8').send(page as never);
        toKeep.set(req, { key, version });
        return listReports(ctx, user, req.query);
      },
    );

    app.get(
      '/reports/:id',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary:
            'Một báo cáo: thông tin chung, nhiệm vụ chủ trì và phối hợp với trạng thái, quyền thao tác',
          params: reportParamsSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return getReport(ctx, user, req.params.id);
      },
    );

    app.patch(
      '/reports/:id',
      {
        config: access('reports.write', 'report-edit'),
        schema: {
          tags,
          summary: 'Lưu bản nháp (tự động hoặc bấm lưu); cần gửi kèm version, lệch version → 409',
          params: reportParamsSchema,
          body: saveReportRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.write');
        return saveReport(requestContext(ctx, req, actor), req.params.id, req.body);
      },
    );

    app.post(
      '/reports/:id/submit',
      {
        config: access('reports.write', 'report-edit'),
        schema: {
          tags,
          summary: 'Gửi báo cáo (lần đầu hoặc sau khi bị trả lại); lưu một phiên bản, ghi nhận nộp muộn',
          params: reportParamsSchema,
          body: versionedActionRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.write');
        return submitReport(requestContext(ctx, req, actor), req.params.id, req.body.version);
      },
    );

    app.post(
      '/reports/:id/accept',
      {
        config: access('reports.review'),
        schema: {
          tags,
          summary: 'Tiếp nhận báo cáo đã gửi (báo cáo bị khóa)',
          params: reportParamsSchema,
          body: versionedActionRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.review');
        return acceptReport(requestContext(ctx, req, actor), req.params.id, req.body.version);
      },
    );

    app.post(
      '/reports/:id/entries/:entryId/review',
      {
        config: access('reports.review'),
        schema: {
          tags,
          summary: 'Chấp nhận hoặc trả lại (kèm nhận xét) kết quả một nhiệm vụ trong báo cáo đã gửi',
          params: entryParamsSchema,
          body: reviewEntryRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.review');
        return reviewEntry(requestContext(ctx, req, actor), req.params.id, req.params.entryId, req.body);
      },
    );

    app.post(
      '/reports/:id/entries/:entryId/resubmit',
      {
        config: access('reports.write', 'report-edit'),
        schema: {
          tags,
          summary: 'Sửa và gửi lại riêng một nhiệm vụ bị trả lại (phần còn lại của báo cáo giữ nguyên)',
          params: entryParamsSchema,
          body: resubmitEntryRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.write');
        return resubmitEntry(requestContext(ctx, req, actor), req.params.id, req.params.entryId, req.body);
      },
    );

    app.post(
      '/reports/:id/return',
      {
        config: access('reports.review'),
        schema: {
          tags,
          summary: 'Trả lại báo cáo đã gửi, kèm lý do',
          params: reportParamsSchema,
          body: returnReportRequestSchema,
          response: { 200: reportDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'reports.review');
        return returnReport(
          requestContext(ctx, req, actor),
          req.params.id,
          req.body.version,
          req.body.reason,
        );
      },
    );

    app.get(
      '/reports/:id/versions',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Các lần gửi của báo cáo (mới nhất trước)',
          params: reportParamsSchema,
          response: { 200: reportVersionListResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return listVersions(ctx, user, req.params.id);
      },
    );

    app.get(
      '/reports/:id/versions/compare',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'So sánh hai lần gửi (mặc định: lần mới nhất với lần trước đó)',
          params: reportParamsSchema,
          querystring: compareVersionsQuerySchema,
          response: { 200: compareVersionsResponseSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return compareVersions(ctx, user, req.params.id, req.query);
      },
    );

    app.get(
      '/reports/:id/versions/:versionNo',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Nội dung một lần gửi',
          params: reportVersionParamsSchema,
          response: { 200: reportVersionSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'reports.read');
        return getVersion(ctx, user, req.params.id, req.params.versionNo);
      },
    );

    app.post(
      '/reports/:id/attachments',
      {
        config: access('reports.write', 'report-edit'),
        schema: {
          tags,
          summary:
            'Tải lên tệp sản phẩm (PDF, Word, Excel, ODT, JPG, PNG; tối đa 20 MB); gắn vào nhiệm vụ bằng entries[].attachmentId khi lưu',
          consumes: ['multipart/form-data'],
          params: reportParamsSchema,
          response: { 201: attachmentSchema },
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'reports.write');
        const upload = await readUploadedFile(req, {
          maxBytes: ATTACHMENT_MAX_BYTES,
          missing: 'Vui lòng chọn tệp để tải lên.',
        });
        const a = await uploadAttachment(requestContext(ctx, req, actor), req.params.id, upload);
        return reply.status(201).send(a);
      },
    );

    app.get(
      '/attachments/:id',
      {
        config: access('reports.read', 'report-read'),
        schema: {
          tags,
          summary: 'Tải tệp sản phẩm (chỉ người được xem báo cáo)',
          params: attachmentParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requirePermission(req, 'reports.read');
        const f = await readAttachment(ctx, user, req.params.id);
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
