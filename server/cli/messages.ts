export type Lang = 'vi' | 'en';

export const HELP: Record<Lang, string> = {
  vi: `planwatch — theo dõi, đôn đốc và báo cáo thực hiện kế hoạch

Cách dùng: planwatch <lệnh> [tùy chọn]

Lệnh:
  serve                 Khởi động máy chủ web (chạy migration trước)
                          --workers SỐ  số tiến trình phục vụ (mặc định: số lõi CPU,
                          hoặc biến WEB_CONCURRENCY); 1 = một tiến trình
  migrate               Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất
  demo                  Nạp dữ liệu mẫu, in tài khoản đăng nhập và khởi động máy chủ
  user add              Tạo người dùng
                          --username TÊN --name "Họ tên" --role admin|coordinator|reporter|leader
                          --org MÃ_CƠ_QUAN [--password MẬT_KHẨU] [--email THƯ]
  import TỆP            Đọc văn bản kế hoạch (.txt, .docx, .pdf, .doc) và lưu thành kế hoạch
                          --dry-run  chỉ đọc và in kết quả, không lưu
                          --json     in bản nháp dạng JSON
  communes TỆP.csv      Nạp danh sách đơn vị hành chính cấp xã của một tỉnh (cột mã, tên, loại)
                          vào danh mục cơ quan: --from NGÀY_HIỆU_LỰC --source "VĂN BẢN"
                          [--parent MÃ_UBND_TỈNH] [--dry-run]; nạp lại chỉ cập nhật
  files copy-to-database
                        Chép các tệp đã tải lên từ DATA_DIR/files vào cơ sở dữ liệu
                          (trước khi chuyển sang FILE_STORAGE=database)
  backup --out TỆP      Sao lưu cơ sở dữ liệu SQLite và các tệp đã tải lên vào một tệp .tar
                          (chạy được khi máy chủ đang hoạt động)
  restore TỆP           Khôi phục bản sao lưu vào thư mục dữ liệu trống (--data-dir),
                          kiểm tra SHA-256 của từng tệp
  report                Lập báo cáo tổng hợp của kế hoạch cho một kỳ (dùng cho lịch chạy tự động)
                          --plan SỐ_KẾ_HOẠCH --period NĂM --format docx|xlsx --out TỆP
                          [--kind annual|midterm|final|agency] [--agency MÃ_CƠ_QUAN]
                          báo cáo năm (mặc định), sơ kết, tổng kết hoặc báo cáo của một cơ quan
                          (--kind agency --agency MÃ); docx: văn bản Word theo thể thức Nghị định
                          30/2020/NĐ-CP, xlsx: số liệu của báo cáo, mỗi phần một trang tính
  help                  Hiện hướng dẫn này

Tùy chọn chung:
  --port SỐ             Cổng (mặc định 3000, hoặc biến PORT)
  --host ĐỊA_CHỈ        Địa chỉ lắng nghe (mặc định 0.0.0.0, hoặc biến HOST)
  --data-dir THƯ_MỤC    Thư mục dữ liệu (mặc định ./data, hoặc biến DATA_DIR)
  --lang vi|en          Ngôn ngữ của dòng lệnh (hoặc biến PLANWATCH_LANG)
  --help                Hiện hướng dẫn

Biến môi trường: DATABASE_URL=postgres://… dùng PostgreSQL thay cho SQLite;
PLANWATCH_ADMIN_PASSWORD đặt mật khẩu quản trị ban đầu; COOKIE_SECURE=true khi chạy sau HTTPS.
Với PostgreSQL, sao lưu bằng pg_dump và sao chép thư mục DATA_DIR/files (xem README).
`,
  en: `planwatch — monitor, follow up and report on government plans

Usage: planwatch <command> [options]

Commands:
  serve                 Start the web server (runs migrations first)
                          --workers N  server processes (default: the number of CPU cores,
                          or WEB_CONCURRENCY); 1 = a single process
  migrate               Bring the database schema up to date
  demo                  Load sample data, print the logins and start the server
  user add              Create a user
                          --username NAME --name "Full name" --role admin|coordinator|reporter|leader
                          --org AGENCY_CODE [--password PASSWORD] [--email EMAIL]
  import FILE           Read a plan document (.txt, .docx, .pdf, .doc) and save it as a plan
                          --dry-run  read and print only, save nothing
                          --json     print the draft as JSON
  communes FILE.csv     Load a province's commune-level units (columns code, name, kind) into the
                          registry: --from EFFECTIVE_DATE --source "DOCUMENT"
                          [--parent PROVINCE_CODE] [--dry-run]; loading again only updates
  files copy-to-database
                        Copy uploaded files from DATA_DIR/files into the database
                          (before switching to FILE_STORAGE=database)
  backup --out FILE     Back up the SQLite database and the uploaded files into one .tar file
                          (works while the server runs)
  restore FILE          Restore a backup into an empty data directory (--data-dir),
                          checking every file's SHA-256
  report                Make a plan's consolidated report for a period (for scheduled runs)
                          --plan PLAN_NUMBER --period YEAR --format docx|xlsx --out FILE
                          [--kind annual|midterm|final|agency] [--agency AGENCY_CODE]
                          the annual report (default), the mid-term or final review, or one agency's
                          report (--kind agency --agency CODE); docx: the Word document in the Decree
                          30/2020/NĐ-CP format, xlsx: the report's data, one sheet per part
  help                  Show this help

Common options:
  --port N              Port (default 3000, or PORT)
  --host ADDRESS        Listen address (default 0.0.0.0, or HOST)
  --data-dir DIR        Data directory (default ./data, or DATA_DIR)
  --lang vi|en          Language of the command line (or PLANWATCH_LANG)
  --help                Show help

Environment: DATABASE_URL=postgres://… uses PostgreSQL instead of SQLite;
PLANWATCH_ADMIN_PASSWORD sets the initial admin password; COOKIE_SECURE=true behind HTTPS.
With PostgreSQL, back up with pg_dump and copy the DATA_DIR/files folder (see README).
`,
};

export const MSG = {
  vi: {
    unknownCommand: (c: string) => `Lệnh không hợp lệ: "${c}". Gõ "planwatch --help" để xem các lệnh.`,
    migrated: (n: number, kind: string) =>
      `Đã cập nhật cơ sở dữ liệu (${kind}): ${n} migration mới được áp dụng.`,
    listening: (url: string) => `planwatch đang chạy tại ${url}`,
    workers: (n: number) => `(${n} tiến trình)`,
    badWorkers: 'Số tiến trình không hợp lệ: --workers (hoặc WEB_CONCURRENCY) phải là số nguyên từ 1 đến 64.',
    workerReplaced: (pid: number, code: number | null) =>
      `Tiến trình ${pid} đã dừng bất thường (mã ${code ?? 'tín hiệu'}); đã khởi động tiến trình thay thế.`,
    adminCreated: (u: string, p: string) =>
      `Đã tạo tài khoản quản trị "${u}". Mật khẩu dùng một lần: ${p}\nHãy đăng nhập và đổi mật khẩu ngay.`,
    adminFromEnv: (u: string) =>
      `Đã tạo tài khoản quản trị "${u}" với mật khẩu lấy từ PLANWATCH_ADMIN_PASSWORD.`,
    demoLogins: 'Tài khoản đăng nhập thử:',
    userCreated: (u: string) => `Đã tạo người dùng "${u}".`,
    missingOption: (o: string) => `Thiếu tùy chọn --${o}.`,
    unknownOrg: (c: string) => `Không có cơ quan mã "${c}".`,
    generatedPassword: (p: string) => `Mật khẩu dùng một lần: ${p}`,
    failed: 'Lỗi:',
    filesCopied: (copied: number, already: number) =>
      `Đã chép ${copied} tệp vào cơ sở dữ liệu (${already} tệp đã có sẵn).`,
    filesDamaged: (names: string[]) =>
      `${names.length} tệp không khớp mã SHA-256 của tên, không chép (kiểm tra hoặc khôi phục từ bản sao lưu):\n  ${names.join('\n  ')}`,
  },
  en: {
    unknownCommand: (c: string) => `Unknown command: "${c}". Run "planwatch --help" for the list.`,
    migrated: (n: number, kind: string) => `Database (${kind}) up to date: ${n} new migration(s) applied.`,
    listening: (url: string) => `planwatch is running at ${url}`,
    workers: (n: number) => `(${n} processes)`,
    badWorkers:
      'Invalid number of processes: --workers (or WEB_CONCURRENCY) must be a whole number from 1 to 64.',
    workerReplaced: (pid: number, code: number | null) =>
      `Process ${pid} stopped unexpectedly (code ${code ?? 'signal'}); a new one was started.`,
    adminCreated: (u: string, p: string) =>
      `Created admin account "${u}". One-time password: ${p}\nLog in and change it now.`,
    adminFromEnv: (u: string) =>
      `Created admin account "${u}" with the password from PLANWATCH_ADMIN_PASSWORD.`,
    demoLogins: 'Demo logins:',
    userCreated: (u: string) => `Created user "${u}".`,
    missingOption: (o: string) => `Missing option --${o}.`,
    unknownOrg: (c: string) => `No agency with code "${c}".`,
    generatedPassword: (p: string) => `One-time password: ${p}`,
    failed: 'Error:',
    filesCopied: (copied: number, already: number) =>
      `Copied ${copied} file(s) into the database (${already} already there).`,
    filesDamaged: (names: string[]) =>
      `${names.length} file(s) do not match the SHA-256 of their name and were not copied (check them or restore from a backup):\n  ${names.join('\n  ')}`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
