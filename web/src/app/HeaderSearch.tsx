import { LoadingOutlined } from '@ant-design/icons';
import { AutoComplete, Grid, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { searchTotalText } from '../../../shared/contracts/search';
import { searchPath } from '../../../shared/domain/app-links';
import { searchable, useSearch } from '../api/search';
import { useCan } from '../auth/SessionContext';
import { useDebounced } from '../lib/useDebounced';

/** Results per kind in the header's list; "Xem tất cả" opens the results page with more. */
const HEADER_LIMIT = 5;

/**
 * The search box in the header: typing (with or without diacritics) lists plans, tasks, reports and
 * agencies grouped by kind; arrow keys and Enter open one, Enter on the text itself (or the last
 * option) opens the results page, Escape closes the list.
 */
export function HeaderSearch() {
  const allowed = useCan('plans.read');
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md;
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const results = useSearch(q, HEADER_LIMIT);
  // Enter on a highlighted option may also reach the input's own Enter: the option wins. A time, not a
  // flag: when that Enter never reaches onSearch, a flag stayed set and swallowed the next search's Enter.
  const pickedAt = useRef(0);

  if (!allowed) return null;

  const go = (path: string) => {
    setText('');
    navigate(path);
  };
  const groups = searchable(q) ? (results.data?.groups ?? []).filter((g) => g.items.length > 0) : [];
  const options = groups.map((g) => ({
    label: (
      <Typography.Text strong>
        {g.label} ({searchTotalText(g)})
      </Typography.Text>
    ),
    options: g.items.map((item) => ({
      value: item.link,
      label: (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          <div>{item.title}</div>
          {item.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.detail}
            </Typography.Text>
          )}
        </div>
      ),
    })),
  }));
  if (searchable(q) && results.data) {
    options.push({
      label: <Typography.Text type="secondary">Kết quả</Typography.Text>,
      options: [
        {
          value: searchPath(q.trim()),
          label: (
            <Typography.Link>
              {groups.length === 0
                ? `Không tìm thấy “${q.trim()}” — mở trang tìm kiếm`
                : `Xem tất cả kết quả cho “${q.trim()}”`}
            </Typography.Link>
          ),
        },
      ],
    });
  }

  return (
    <search
      style={{ marginRight: 'auto', flex: wide ? '0 1 420px' : '1 1 auto', minWidth: 0, padding: '8px 0' }}
    >
      <AutoComplete
        value={text}
        options={options}
        onChange={(v) => setText(v)}
        onSelect={(link: string) => {
          pickedAt.current = performance.now();
          go(link);
        }}
        defaultActiveFirstOption={false}
        listHeight={440}
        // At most 5 results per kind plus the "Xem tất cả" link: no need for a virtual list, which left
        // that last link unrendered (hidden) below the fold once reports filled the list.
        virtual={false}
        // On a phone the box is narrow: the list takes the screen's width instead.
        popupMatchSelectWidth={wide ? 520 : Math.max(280, window.innerWidth - 24)}
        style={{ width: '100%' }}
      >
        <Input.Search
          aria-label="Tìm kiếm kế hoạch, nhiệm vụ, báo cáo, cơ quan"
          placeholder="Tìm kế hoạch, nhiệm vụ, báo cáo, cơ quan…"
          allowClear
          // Not Search's own `loading`: while loading it ignores Enter, so Enter pressed while the list was
          // refreshing (the previous answer still shown) did nothing. A spinner in the box says it instead.
          suffix={
            <LoadingOutlined
              aria-hidden
              style={{ color: '#1677ff', visibility: results.isFetching ? 'visible' : 'hidden' }}
            />
          }
          onSearch={(value, _event, info) => {
            if (info?.source === 'clear') return;
            // Let a highlighted option's selection (same Enter key) go first.
            setTimeout(() => {
              if (performance.now() - pickedAt.current < 500) return;
              if (searchable(value)) go(searchPath(value.trim()));
            }, 0);
          }}
        />
      </AutoComplete>
    </search>
  );
}
