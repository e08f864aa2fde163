import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createValueRequestSchema,
  importValuesResponseSchema,
  indicatorDetailSchema,
  indicatorIdParamsSchema,
  pendingValuesQuerySchema,
  pendingValuesResponseSchema,
  planIndicatorsParamsSchema,
  planIndicatorsQuerySchema,
  planIndicatorsResponseSchema,
  reviewValueRequestSchema,
  updateIndicatorRequestSchema,
  valueIdParamsSchema,
} from '../../../shared/contracts/indicators';
import { isoDateSchema } from '../../../shared/contracts/primitives';
import type { AppContext } from '../../context';
import { access } from '../../http/access';
import { requirePermission } from '../../http/auth-state';
import { requestContext } from '../../http/request-context';
import { MAX_XLSX_BYTES, readUploadedFile } from '../../http/upload-limits';
import { getIndicator, listPlanIndicators, updateIndicator } from './indicator-service';
import { listPendingValues } from './pending-values';
import { todayIso } from './value-rules';
import { addValue, reviewValue } from './value-service';
import { exportPlanValues, importPlanValues } from './xlsx-service';

/** Evaluations are as of today unless the caller asks about another date (e.g. a report's closing date). */
const onQuerySchema = z.object({
  on: isoDateSchema.optional().describe('Ngày đánh giá (mặc định: hôm nay)'),
});

export function indicatorRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/:id/indicators',
      {
        config: access('plans.read'),
        schema: {
          tags: ['indicators'],
          summary: 'Chỉ số của kế hoạch, với các chỉ tiêu và đánh giá',
          params: planIndicatorsParamsSchema,
          querystring: planIndicatorsQuerySchema.extend(onQuerySchema.shape),
          response: { 200: planIndicatorsResponseSchema },
        },
      },
      async (req) => {
        requirePermission(req, 'plans.read');
        const { on, ...query } = req.query;
        return listPlanIndicators(ctx, req.params.id, query, on ?? todayIso());
      },
    );

    app.get(
      '/indicators/:id',
      {
        config: access('plans.read'),
        schema: {
          tags: ['indicators'],
          summary: 'Một chỉ số: chỉ tiêu, đánh giá và toàn bộ số liệu đã nhập',
          params: indicatorIdParamsSchema,
          querystring: onQuerySchema,
          response: { 200: indicatorDetailSchema },
        },
      },
      async (req) => {
        const user = requirePermission(req, 'plans.read');
        return getIndicator(ctx, user, req.params.id, req.query.on ?? todayIso());
      },
    );

    app.patch(
      '/indicators/:id',
      {
        config: access('indicators.manage'),
        schema: {
          tags: ['indicators'],
          summary: 'Sửa thông tin chỉ số (mã, tên, đơn vị, định nghĩa, cơ quan chủ trì số liệu)',
          params: indicatorIdParamsSchema,
          body: updateIndicatorRequestSchema,
          response: { 200: indicatorDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'indicators.manage');
        await updateIndicator(requestContext(ctx, req, actor), req.params.id, req.body);
        return getIndicator(ctx, actor, req.params.id, todayIso());
      },
    );

    app.post(
      '/indicators/:id/values',
      {
        config: access('indicators.enter', 'indicator-owner'),
        schema: {
          tags: ['indicators'],
          summary: 'Nhập số liệu một năm (không ghi đè: số liệu mới được thêm thành dòng mới)',
          params: indicatorIdParamsSchema,
          body: createValueRequestSchema,
          response: { 200: indicatorDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'indicators.enter');
        const today = todayIso();
        await addValue(requestContext(ctx, req, actor), req.params.id, req.body, today);
        return getIndicator(ctx, actor, req.params.id, today);
      },
    );

    app.get(
      '/indicator-values/pending',
      {
        config: access('indicators.manage'),
        schema: {
          tags: ['indicators'],
          summary:
            'Số liệu chỉ số do các cơ quan nhập đang chờ tiếp nhận, ở mọi kế hoạch cơ quan mình tổng hợp',
          querystring: pendingValuesQuerySchema,
          response: { 200: pendingValuesResponseSchema },
        },
      },
      async (req) => listPendingValues(ctx, requirePermission(req, 'indicators.manage'), req.query),
    );

    app.post(
      '/indicator-values/:id/review',
      {
        config: access('indicators.manage'),
        schema: {
          tags: ['indicators'],
          summary: 'Tiếp nhận hoặc không tiếp nhận số liệu do cơ quan nhập',
          params: valueIdParamsSchema,
          body: reviewValueRequestSchema,
          response: { 200: indicatorDetailSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'indicators.manage');
        const indicatorId = await reviewValue(
          requestContext(ctx, req, actor),
          req.params.id,
          req.body.decision,
          req.body.note,
        );
        return getIndicator(ctx, actor, indicatorId, todayIso());
      },
    );

    app.get(
      '/plans/:id/indicator-values.xlsx',
      {
        config: access('plans.read'),
        schema: {
          tags: ['indicators'],
          summary: 'Tải số liệu chỉ số của kế hoạch dạng Excel (kèm trang chỉ tiêu và đánh giá)',
          params: planIndicatorsParamsSchema,
          querystring: onQuerySchema,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'plans.read');
        const { bytes, filename } = await exportPlanValues(ctx, req.params.id, req.query.on ?? todayIso());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(bytes);
      },
    );

    app.post(
      '/plans/:id/indicator-values/import',
      {
        config: access('indicators.manage'),
        schema: {
          tags: ['indicators'],
          summary: 'Nhập số liệu chỉ số từ tệp Excel (.xlsx); tệp có lỗi thì không lưu dòng nào',
          consumes: ['multipart/form-data'],
          params: planIndicatorsParamsSchema,
          response: { 200: importValuesResponseSchema },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'indicators.manage');
        const upload = await readUploadedFile(req, {
          maxBytes: MAX_XLSX_BYTES,
          missing: 'Vui lòng chọn tệp Excel số liệu.',
        });
        return importPlanValues(requestContext(ctx, req, actor), req.params.id, upload, todayIso());
      },
    );
  };
}
