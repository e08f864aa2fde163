import { Button, type TableColumnsType, Typography } from 'antd';
import type { Organisation } from '../../../../shared/contracts/organisations';
import { ADMIN_UNIT_TYPE_LABELS } from '../../../../shared/domain/organisations/admin-units';
import { ORGANISATION_KIND_LABELS } from '../../../../shared/domain/organisations/kinds';
import { AgencyChain } from '../../components/AgencyChain';
import { ValidityText } from './ValidityText';

interface Options {
  nameOf: (id: number | null) => string | null;
  onEdit?: (organisation: Organisation) => void;
}

export function organisationColumns({ nameOf, onEdit }: Options): TableColumnsType<Organisation> {
  const columns: TableColumnsType<Organisation> = [
    {
      title: 'Mã',
      dataIndex: 'code',
      key: 'code',
      width: 120,
      // Codes imported from plan texts can be very long and have no spaces to wrap at.
      render: (_: unknown, o: Organisation) => <span style={{ wordBreak: 'break-all' }}>{o.code}</span>,
    },
    {
      title: 'Tên cơ quan',
      dataIndex: 'name',
      key: 'name',
      render: (_: unknown, o: Organisation) => (
        <>
          <div>{o.name}</div>
          {o.aliases.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              Tên khác: {o.aliases.join('; ')}
            </Typography.Text>
          )}
          {o.source && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              Nguồn: {o.source}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Tên viết tắt', dataIndex: 'shortName', key: 'shortName', width: 110 },
    {
      title: 'Loại',
      dataIndex: 'kind',
      key: 'kind',
      width: 120,
      render: (_: unknown, o: Organisation) => (
        <>
          <div>{ORGANISATION_KIND_LABELS[o.kind]}</div>
          {o.adminUnitType && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ADMIN_UNIT_TYPE_LABELS[o.adminUnitType]}
              {o.adminCode ? `, mã ĐVHC ${o.adminCode}` : ''}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Hiệu lực',
      key: 'validity',
      width: 190,
      render: (_: unknown, o: Organisation) => <ValidityText validFrom={o.validFrom} validTo={o.validTo} />,
    },
    {
      title: 'Cơ quan kế thừa',
      dataIndex: 'successorId',
      key: 'successor',
      width: 220,
      render: (_: unknown, o: Organisation) =>
        o.chain.length > 0 ? <AgencyChain chain={o.chain} /> : (nameOf(o.successorId) ?? ''),
    },
  ];
  if (!onEdit) return columns;
  return [
    ...columns,
    {
      title: 'Thao tác',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, o: Organisation) => (
        <Button size="small" onClick={() => onEdit(o)}>
          Sửa
        </Button>
      ),
    },
  ];
}
