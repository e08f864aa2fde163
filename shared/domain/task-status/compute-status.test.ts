import { describe, expect, it } from 'vitest';
import { computeTaskStatus, type TaskStatusInput } from './compute-status';
import { deadlines } from './test-deadlines';

const base: TaskStatusInput = {
  deadline: deadlines.year(2022),
  progress: 'in_progress',
  completedOn: null,
  today: '2022-06-15',
  reportDue: true,
};
const status = (over: Partial<TaskStatusInput>) => computeTaskStatus({ ...base, ...over });

describe('computeTaskStatus: each category', () => {
  it('done_on_time', () => {
    expect(status({ progress: 'completed', completedOn: '2022-11-20' })).toEqual({
      status: 'done_on_time',
      dueDate: '2022-12-31',
      daysLate: null,
      reason: 'Hạn 31/12/2022, hoàn thành 20/11/2022: đúng hạn',
    });
  });

  it('done_late, with the days of delay', () => {
    expect(status({ progress: 'completed', completedOn: '2023-03-15', today: '2023-04-01' })).toEqual({
      status: 'done_late',
      dueDate: '2022-12-31',
      daysLate: 74, // 31 (Jan) + 28 (Feb) + 15 (Mar)
      reason: 'Hạn 31/12/2022, hoàn thành 15/03/2023: trễ 74 ngày',
    });
  });

  it('in_progress_on_time', () => {
    const r = status({});
    expect(r.status).toBe('in_progress_on_time');
    expect(r.daysLate).toBeNull();
    expect(r.reason).toBe('Hạn 31/12/2022, còn 199 ngày; đang thực hiện'); // 15 (Jun) + 31+31+30+31+30+31
  });

  it('overdue, with the days since the due date', () => {
    expect(status({ today: '2023-01-10' })).toEqual({
      status: 'overdue',
      dueDate: '2022-12-31',
      daysLate: 10,
      reason: 'Hạn 31/12/2022, chưa hoàn thành: quá hạn 10 ngày',
    });
  });

  it('not_due when no report is due yet', () => {
    const r = status({ progress: null, reportDue: false });
    expect(r.status).toBe('not_due');
    expect(r.reason).toBe('Chưa đến kỳ báo cáo; hạn 31/12/2022');
  });

  it('not_reported when a report has fallen due and none came', () => {
    const r = status({ progress: null, reportDue: true });
    expect(r.status).toBe('not_reported');
    expect(r.daysLate).toBeNull();
    expect(r.reason).toBe('Đã đến kỳ báo cáo nhưng cơ quan chưa báo cáo nhiệm vụ; hạn 31/12/2022');
  });

  it('an unreported task past its due date is overdue, not "not reported" (Government Office rule)', () => {
    const r = status({ progress: null, reportDue: true, today: '2023-01-02' });
    expect(r.status).toBe('overdue');
    expect(r.daysLate).toBe(2);
    expect(r.reason).toBe('Hạn 31/12/2022, chưa báo cáo kết quả: quá hạn 2 ngày');
  });

  it('a task reported "not started" before its deadline reads as not yet due, not as in progress', () => {
    const r = status({ progress: 'not_started' });
    expect(r.status).toBe('not_due');
    expect(r.reason).toContain('chưa triển khai');
    // Past the deadline it is overdue like any unfinished task.
    expect(status({ progress: 'not_started', today: '2099-01-01' }).status).toBe('overdue');
    // A continuous task never falls due: not started, it stays "Chưa đến hạn".
    expect(
      status({
        deadline: { kind: 'continuous', from: null, to: null, text: 'Thường xuyên' },
        progress: 'not_started',
      }).status,
    ).toBe('not_due');
  });

  it('completed without a completion date counts as on time and says the date is missing', () => {
    const r = status({ progress: 'completed', completedOn: null, today: '2024-01-01' });
    expect(r.status).toBe('done_on_time');
    expect(r.reason).toBe(
      'Hạn 31/12/2022; báo cáo hoàn thành nhưng không ghi ngày hoàn thành nên tính là đúng hạn',
    );
  });
});

describe('computeTaskStatus: boundaries', () => {
  it('completed exactly on the due date is on time; one day later is late by 1', () => {
    expect(status({ progress: 'completed', completedOn: '2022-12-31' }).status).toBe('done_on_time');
    const late = status({ progress: 'completed', completedOn: '2023-01-01' });
    expect([late.status, late.daysLate]).toEqual(['done_late', 1]);
  });

  it('today equal to the due date is not overdue; the day after is', () => {
    const onDay = status({ today: '2022-12-31' });
    expect([onDay.status, onDay.reason]).toEqual([
      'in_progress_on_time',
      'Hạn 31/12/2022, đến hạn hôm nay; đang thực hiện',
    ]);
    const after = status({ today: '2023-01-01' });
    expect([after.status, after.daysLate]).toEqual(['overdue', 1]);
  });

  it('handles 29/02 of a leap year', () => {
    const deadline = deadlines.month('2024-02-01', '2024-02-29', 'Tháng 02/2024');
    expect(status({ deadline, today: '2024-02-29' }).status).toBe('in_progress_on_time');
    expect(status({ deadline, today: '2024-03-01' })).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(status({ deadline, progress: 'completed', completedOn: '2024-02-29' }).status).toBe(
      'done_on_time',
    );
    // 29/02 → 31/03: 31 days.
    expect(status({ deadline, progress: 'completed', completedOn: '2024-03-31' }).daysLate).toBe(31);
  });

  it('rejects an invalid today or completion date instead of guessing', () => {
    expect(() => status({ today: '2022-02-30' })).toThrow(RangeError);
    expect(() => status({ progress: 'completed', completedOn: '15/03/2023' })).toThrow(RangeError);
  });
});

describe('computeTaskStatus: deadline kinds', () => {
  it('judges a recurring task year by year', () => {
    const deadline = deadlines.recurring(2021, 2025);
    const today = '2023-02-10';
    // 2022's work was not finished by 31/12/2022 …
    expect(status({ deadline, year: 2022, today })).toMatchObject({
      status: 'overdue',
      dueDate: '2022-12-31',
      daysLate: 41, // 31 (Jan) + 10 (Feb)
    });
    // … while 2023's work is in time.
    expect(status({ deadline, year: 2023, today })).toMatchObject({
      status: 'in_progress_on_time',
      dueDate: '2023-12-31',
    });
    // 2022's work done in January 2023 was late by the days into January.
    expect(
      status({ deadline, year: 2022, today, progress: 'completed', completedOn: '2023-01-05' }),
    ).toMatchObject({ status: 'done_late', daysLate: 5 });
  });

  it('treats a recurring task outside its range as not due', () => {
    const r = status({
      deadline: deadlines.recurring(2021, 2025),
      year: 2026,
      today: '2026-06-01',
      progress: null,
    });
    expect(r).toMatchObject({ status: 'not_due', dueDate: null });
    expect(r.reason).toBe('Năm 2026 nằm ngoài thời gian thực hiện nhiệm vụ ("Hằng năm, 2021-2025")');
  });

  it('a recurring task with no judged year has no due date', () => {
    const r = status({ deadline: deadlines.recurring(), today: '2030-01-01' });
    expect(r.status).toBe('in_progress_on_time');
    expect(r.dueDate).toBeNull();
  });

  it('judges a year range against its end', () => {
    const deadline = deadlines.range(2021, 2025);
    expect(status({ deadline, today: '2024-05-01' }).status).toBe('in_progress_on_time');
    expect(status({ deadline, today: '2026-01-01' })).toMatchObject({ status: 'overdue', daysLate: 1 });
  });

  it('judges quarter and month deadlines against the last day of the period', () => {
    const quarter = deadlines.quarter('2022-04-01', '2022-06-30', 'Quý II/2022');
    expect(status({ deadline: quarter, today: '2022-06-30' }).status).toBe('in_progress_on_time');
    expect(status({ deadline: quarter, today: '2022-07-01' })).toMatchObject({
      status: 'overdue',
      daysLate: 1,
    });
    const month = deadlines.month('2022-06-01', '2022-06-30', 'Tháng 6/2022');
    expect(status({ deadline: month, progress: 'completed', completedOn: '2022-07-15' })).toMatchObject({
      status: 'done_late',
      daysLate: 15,
    });
  });

  it('a quarter not yet begun is not due, even with a report period open', () => {
    const quarter = deadlines.quarter('2022-10-01', '2022-12-31', 'Quý IV/2022');
    const unreported = status({ deadline: quarter, today: '2022-06-15', progress: null, reportDue: true });
    expect(unreported.status).toBe('not_due');
    expect(unreported.reason).toBe('Chưa đến thời gian thực hiện (từ 01/10/2022); hạn 31/12/2022');
    expect(status({ deadline: quarter, today: '2022-06-15', progress: 'not_started' }).status).toBe(
      'not_due',
    );
    // Starting early is work in progress.
    expect(status({ deadline: quarter, today: '2022-06-15', progress: 'in_progress' }).status).toBe(
      'in_progress_on_time',
    );
  });

  it('never makes continuous or unknown deadlines overdue', () => {
    for (const deadline of [deadlines.continuous(), deadlines.unknown()]) {
      const r = status({ deadline, year: 2023, today: '2040-01-01' });
      expect(r).toMatchObject({ status: 'in_progress_on_time', dueDate: null, daysLate: null });
      expect(status({ deadline, year: 2023, today: '2040-01-01', progress: null }).status).toBe(
        'not_reported',
      );
      expect(
        status({
          deadline,
          year: 2023,
          today: '2040-01-01',
          progress: 'completed',
          completedOn: '2039-05-01',
        }),
      ).toMatchObject({ status: 'done_on_time', daysLate: null });
    }
    expect(status({ deadline: deadlines.continuous(), year: 2023, today: '2023-05-01' }).reason).toBe(
      'Đang thực hiện; nhiệm vụ thường xuyên, không tính quá hạn',
    );
    expect(status({ deadline: deadlines.unknown(), today: '2023-05-01' }).reason).toBe(
      'Đang thực hiện; thời hạn chưa xác định ("Khi có yêu cầu"), không tính quá hạn',
    );
  });

  it('a date deadline that does not exist is treated as having none', () => {
    const r = status({ deadline: deadlines.date('2022-02-30'), today: '2023-01-01' });
    expect(r).toMatchObject({ status: 'in_progress_on_time', dueDate: null });
    expect(r.reason).toContain('không có ngày hợp lệ');
  });
});
