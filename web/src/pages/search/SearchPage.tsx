import { Card, Col, Empty, Input, List, Row, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { SEARCH_MAX_LIMIT, SEARCH_MIN_LENGTH, searchTotalText } from '../../../../shared/contracts/search';
import { searchable, useSearch } from '../../api/search';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { usePageTitle } from '../../lib/usePageTitle';

/** "Xem tất cả" from the header: every kind's first results for `?q=`, each line a link. */
export function SearchPage() {
  usePageTitle('Tìm kiếm');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useSearch(q, SEARCH_MAX_LIMIT);
  const groups = results.data?.groups ?? [];
  const found = groups.some((g) => g.total > 0);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Tìm kiếm
      </Typography.Title>
      <Input.Search
        key={q}
        defaultValue={q}
        aria-label="Từ khóa tìm kiếm"
        placeholder="Gõ có dấu hoặc không dấu, ví dụ: quan ly, so tai chinh"
        enterButton="Tìm"
        allowClear
        style={{ maxWidth: 640, marginBottom: 24 }}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      {!searchable(q) ? (
        <Typography.Paragraph type="secondary">
          Nhập ít nhất {SEARCH_MIN_LENGTH} ký tự để tìm trong kế hoạch, nhiệm vụ, báo cáo và cơ quan.
        </Typography.Paragraph>
      ) : results.isError ? (
        <QueryErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : results.isPending ? (
        <Typography.Text type="secondary">Đang tìm…</Typography.Text>
      ) : !found ? (
        <Empty description={`Không tìm thấy kết quả nào cho “${q.trim()}”.`} />
      ) : (
        <Row gutter={[16, 16]}>
          {groups
            .filter((g) => g.total > 0)
            .map((g) => (
              <Col key={g.kind} xs={24} xl={12}>
                <Card
                  title={`${g.label} (${searchTotalText(g)})`}
                  extra={
                    g.total > g.items.length ? (
                      <Typography.Text type="secondary">
                        {g.items.length} kết quả đầu tiên — hãy thêm từ để thu hẹp
                      </Typography.Text>
                    ) : null
                  }
                >
                  <List
                    dataSource={g.items}
                    renderItem={(item) => (
                      <List.Item key={item.id}>
                        <List.Item.Meta
                          title={<Link to={item.link}>{item.title}</Link>}
                          description={item.detail}
                        />
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            ))}
        </Row>
      )}
    </>
  );
}
