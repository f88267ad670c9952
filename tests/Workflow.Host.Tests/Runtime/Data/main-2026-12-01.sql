PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "extension_requests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_extension_requests" PRIMARY KEY AUTOINCREMENT,
    "MilestoneId" INTEGER NOT NULL,
    "CurrentDue" TEXT NOT NULL,
    "RequestedDue" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAtUtc" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "Revision" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "history" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_history" PRIMARY KEY AUTOINCREMENT,
    "MilestoneId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ActivityId" TEXT NULL,
    "What" TEXT NOT NULL,
    "Why" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL
);
INSERT INTO history VALUES(1,1,'2026-12-02T10:02:14','start','bắt đầu','quy trình chase-and-escalate phiên bản 1, hạn hiệu lực 31/12/2026','nhập kế hoạch','2026-12-02 03:02:22.3922624');
INSERT INTO history VALUES(2,2,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 31/03/2026','nhập kế hoạch','2026-12-02 03:02:22.4799297');
INSERT INTO history VALUES(3,2,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 31/03/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.4801056');
INSERT INTO history VALUES(4,2,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 03/04/2026 08:00 đã qua; hạn 31/03/2026','nhập kế hoạch','2026-12-02 03:02:22.4801262');
INSERT INTO history VALUES(5,3,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 30/06/2026','nhập kế hoạch','2026-12-02 03:02:22.4801475');
INSERT INTO history VALUES(6,3,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 30/06/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.480163');
INSERT INTO history VALUES(7,3,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 03/07/2026 08:00 đã qua; hạn 30/06/2026','nhập kế hoạch','2026-12-02 03:02:22.4801794');
INSERT INTO history VALUES(8,4,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 30/09/2026','nhập kế hoạch','2026-12-02 03:02:22.4802001');
INSERT INTO history VALUES(9,4,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 30/09/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.4802254');
INSERT INTO history VALUES(10,4,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 05/10/2026 08:00 đã qua; hạn 30/09/2026','nhập kế hoạch','2026-12-02 03:02:22.480249');
INSERT INTO history VALUES(11,5,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 31/12/2026','nhập kế hoạch','2026-12-02 03:02:22.4802621');
INSERT INTO history VALUES(12,6,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 31/03/2026','nhập kế hoạch','2026-12-02 03:02:22.4802756');
INSERT INTO history VALUES(13,6,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 31/03/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.4802877');
INSERT INTO history VALUES(14,6,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 03/04/2026 08:00 đã qua; hạn 31/03/2026','nhập kế hoạch','2026-12-02 03:02:22.4803');
INSERT INTO history VALUES(15,7,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 30/06/2026','nhập kế hoạch','2026-12-02 03:02:22.4803203');
INSERT INTO history VALUES(16,7,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 30/06/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.4803624');
INSERT INTO history VALUES(17,7,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 03/07/2026 08:00 đã qua; hạn 30/06/2026','nhập kế hoạch','2026-12-02 03:02:22.4803763');
INSERT INTO history VALUES(18,8,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 30/09/2026','nhập kế hoạch','2026-12-02 03:02:22.4803897');
INSERT INTO history VALUES(19,8,'2026-12-02T10:02:14','remind-7-before','bỏ qua nhắc hạn','mốc nhắc đã qua và hạn 30/09/2026 cũng đã qua','nhập kế hoạch','2026-12-02 03:02:22.480404');
INSERT INTO history VALUES(20,8,'2026-12-02T10:02:14','escalate','báo cáo Sở Nội vụ','gửi bù một lần cho mốc 05/10/2026 08:00 đã qua; hạn 30/09/2026','nhập kế hoạch','2026-12-02 03:02:22.4804168');
INSERT INTO history VALUES(21,9,'2026-12-02T10:02:14','start','bắt đầu','quy trình light-chase phiên bản 1, hạn hiệu lực 31/12/2026','nhập kế hoạch','2026-12-02 03:02:22.4804319');
CREATE TABLE IF NOT EXISTS "milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_milestones" PRIMARY KEY AUTOINCREMENT,
    "PlanId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Label" TEXT NULL,
    "PlannedDue" TEXT NULL,
    "Due" TEXT NULL,
    "EffectiveDue" TEXT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "WaitsForEvent" INTEGER NOT NULL,
    "EventOn" TEXT NULL,
    "DoneOn" TEXT NULL,
    "Extended" INTEGER NOT NULL,
    "BookmarkActivity" TEXT NULL,
    "BookmarkAt" TEXT NULL,
    "BookmarkSignal" TEXT NULL,
    "Lead" TEXT NOT NULL,
    "Coordinators" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);
INSERT INTO milestones VALUES(1,'nang-cap-2026','1',1,NULL,'2026-12-31','2026-12-31','2026-12-31','chase-and-escalate',1,'Waiting',0,NULL,NULL,0,'wait-14-before','2026-12-17T08:00:00',NULL,'so-tu-phap','so-noi-vu',1);
INSERT INTO milestones VALUES(2,'nang-cap-2026','2',1,'Quý I','2026-03-31','2026-03-31','2026-03-31','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-noi-vu','',1);
INSERT INTO milestones VALUES(3,'nang-cap-2026','2',2,'Quý II','2026-06-30','2026-06-30','2026-06-30','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-noi-vu','',1);
INSERT INTO milestones VALUES(4,'nang-cap-2026','2',3,'Quý III','2026-09-30','2026-09-30','2026-09-30','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-noi-vu','',1);
INSERT INTO milestones VALUES(5,'nang-cap-2026','2',4,'Quý IV','2026-12-31','2026-12-31','2026-12-31','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-7-before','2026-12-24T08:00:00',NULL,'so-noi-vu','',1);
INSERT INTO milestones VALUES(6,'nang-cap-2026','3',1,'Quý I','2026-03-31','2026-03-31','2026-03-31','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-tai-chinh','',1);
INSERT INTO milestones VALUES(7,'nang-cap-2026','3',2,'Quý II','2026-06-30','2026-06-30','2026-06-30','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-tai-chinh','',1);
INSERT INTO milestones VALUES(8,'nang-cap-2026','3',3,'Quý III','2026-09-30','2026-09-30','2026-09-30','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-monday','2026-12-07T08:00:00',NULL,'so-tai-chinh','',1);
INSERT INTO milestones VALUES(9,'nang-cap-2026','3',4,'Quý IV','2026-12-31','2026-12-31','2026-12-31','light-chase',1,'Waiting',0,NULL,NULL,0,'wait-7-before','2026-12-24T08:00:00',NULL,'so-tai-chinh','',1);
CREATE TABLE IF NOT EXISTS "outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "Milestone" INTEGER NOT NULL,
    "Due" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Cc" TEXT NOT NULL,
    "Template" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "NextAttemptUtc" TEXT NULL,
    "ClaimedUntilUtc" TEXT NULL,
    "SentAtUtc" TEXT NULL,
    "Revision" INTEGER NOT NULL
);
INSERT INTO outbox VALUES(1,'nang-cap-2026/2/1/escalation/2026-04-03','Escalation','2026-04-03T08:00:00','nang-cap-2026','2',1,'2026-03-31','so-noi-vu','so-noi-vu','escalation','Pending',0,NULL,'2026-12-02 03:02:20.7419949',NULL,NULL,NULL,0);
INSERT INTO outbox VALUES(2,'nang-cap-2026/2/2/escalation/2026-07-03','Escalation','2026-07-03T08:00:00','nang-cap-2026','2',2,'2026-06-30','so-noi-vu','so-noi-vu','escalation','Pending',0,NULL,'2026-12-02 03:02:21.2535963',NULL,NULL,NULL,0);
INSERT INTO outbox VALUES(3,'nang-cap-2026/2/3/escalation/2026-10-05','Escalation','2026-10-05T08:00:00','nang-cap-2026','2',3,'2026-09-30','so-noi-vu','so-noi-vu','escalation','Pending',0,NULL,'2026-12-02 03:02:21.2548118',NULL,NULL,NULL,0);
INSERT INTO outbox VALUES(4,'nang-cap-2026/3/1/escalation/2026-04-03','Escalation','2026-04-03T08:00:00','nang-cap-2026','3',1,'2026-03-31','so-noi-vu','so-tai-chinh','escalation','Pending',0,NULL,'2026-12-02 03:02:21.2556026',NULL,NULL,NULL,0);
INSERT INTO outbox VALUES(5,'nang-cap-2026/3/2/escalation/2026-07-03','Escalation','2026-07-03T08:00:00','nang-cap-2026','3',2,'2026-06-30','so-noi-vu','so-tai-chinh','escalation','Pending',0,NULL,'2026-12-02 03:02:21.2561029',NULL,NULL,NULL,0);
INSERT INTO outbox VALUES(6,'nang-cap-2026/3/3/escalation/2026-10-05','Escalation','2026-10-05T08:00:00','nang-cap-2026','3',3,'2026-09-30','so-noi-vu','so-tai-chinh','escalation','Pending',0,NULL,'2026-12-02 03:02:21.2566336',NULL,NULL,NULL,0);
CREATE TABLE IF NOT EXISTS "plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plans" PRIMARY KEY,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    "IssuedOn" TEXT NULL,
    "TrackedYear" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "ImportedAtUtc" TEXT NOT NULL
);
INSERT INTO plans VALUES('nang-cap-2026',NULL,'Kế hoạch thử nâng cấp cơ sở dữ liệu','2025-12-24',2026,'/tmp/legacy/small.csv','F99B52DF49FF9B08CAB5E78055E740CB06C522E2C5E303D3DF4A5F714FDE62B2','2026-12-02 03:02:18.2018179');
CREATE TABLE IF NOT EXISTS "tasks" (
    "PlanId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "Row" INTEGER NOT NULL,
    "Group" TEXT NULL,
    "Activity" TEXT NOT NULL,
    "Product" TEXT NULL,
    "LeadCell" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "ScheduleKind" TEXT NOT NULL,
    "CriterionCode" TEXT NULL,
    "CriterionText" TEXT NULL,
    "MaxScore" TEXT NULL,
    "PreviousScore" TEXT NULL,
    CONSTRAINT "PK_tasks" PRIMARY KEY ("PlanId", "TaskId")
);
INSERT INTO tasks VALUES('nang-cap-2026','1',7,'Cải cách thể chế','Rà soát văn bản quy phạm pháp luật','Báo cáo','Sở Tư pháp','Quý IV/2026','Once',NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES('nang-cap-2026','2',8,'Cải cách thủ tục hành chính','Công bố thủ tục hành chính','Quyết định','Sở Nội vụ','Thường xuyên','Continuous',NULL,NULL,NULL,NULL);
INSERT INTO tasks VALUES('nang-cap-2026','3',9,'Chuyển đổi số','Báo cáo định kỳ','Báo cáo','Sở Tài chính','Định kỳ hằng quý','Recurring',NULL,NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE qrtz_job_details (sched_name TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, description TEXT NULL, job_class_name TEXT NOT NULL, is_durable BOOLEAN NOT NULL, is_nonconcurrent BOOLEAN NOT NULL, is_update_data BOOLEAN NOT NULL, requests_recovery BOOLEAN NOT NULL, job_data BLOB NULL, PRIMARY KEY (sched_name, job_name, job_group));
INSERT INTO qrtz_job_details VALUES('workflow','resume-moment','runtime',NULL,'Workflow.Host.Runtime.ResumeMomentJob, workflow',1,0,0,1,NULL);
CREATE TABLE qrtz_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, job_name TEXT NOT NULL, job_group TEXT NOT NULL, description TEXT NULL, next_fire_time INTEGER NULL, prev_fire_time INTEGER NULL, priority INTEGER NULL, trigger_state TEXT NOT NULL, trigger_type TEXT NOT NULL, start_time INTEGER NOT NULL, end_time INTEGER NULL, calendar_name TEXT NULL, misfire_instr INTEGER NULL, misfire_orig_fire_time INTEGER NULL, execution_group TEXT NULL, preferred_node TEXT NULL, preferred_node_auto BOOLEAN NOT NULL DEFAULT 0, retry_policy TEXT NULL, retry_attempt INTEGER NULL, continues_trigger_name TEXT NULL, continues_trigger_group TEXT NULL, continuation_condition INTEGER NULL, overlap_policy INTEGER NULL, pause_reason TEXT NULL, paused_by TEXT NULL, paused_at INTEGER NULL, misfire_threshold INTEGER NULL, fixed_delay BOOLEAN NULL, job_data BLOB NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
INSERT INTO qrtz_triggers VALUES('workflow','2026-12-17T08:00:00','moments','resume-moment','runtime',NULL,639330660000000000,NULL,5,'WAITING','SIMPLE',639330660000000000,NULL,NULL,1,NULL,NULL,NULL,0,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,X'7b226174223a22323032362d31322d31375430383a30303a3030227d');
INSERT INTO qrtz_triggers VALUES('workflow','2026-12-07T08:00:00','moments','resume-moment','runtime',NULL,639322020000000000,NULL,5,'WAITING','SIMPLE',639322020000000000,NULL,NULL,1,NULL,NULL,NULL,0,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,X'7b226174223a22323032362d31322d30375430383a30303a3030227d');
INSERT INTO qrtz_triggers VALUES('workflow','2026-12-24T08:00:00','moments','resume-moment','runtime',NULL,639336708000000000,NULL,5,'WAITING','SIMPLE',639336708000000000,NULL,NULL,1,NULL,NULL,NULL,0,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,X'7b226174223a22323032362d31322d32345430383a30303a3030227d');
CREATE TABLE qrtz_simple_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, repeat_count INTEGER NOT NULL, repeat_interval INTEGER NOT NULL, times_triggered INTEGER NOT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
INSERT INTO qrtz_simple_triggers VALUES('workflow','2026-12-17T08:00:00','moments',0,0,0);
INSERT INTO qrtz_simple_triggers VALUES('workflow','2026-12-07T08:00:00','moments',0,0,0);
INSERT INTO qrtz_simple_triggers VALUES('workflow','2026-12-24T08:00:00','moments',0,0,0);
CREATE TABLE qrtz_cron_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, cron_expression TEXT NOT NULL, time_zone_id TEXT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
CREATE TABLE qrtz_simprop_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, str_prop_1 TEXT NULL, str_prop_2 TEXT NULL, str_prop_3 TEXT NULL, int_prop_1 INTEGER NULL, int_prop_2 INTEGER NULL, long_prop_1 INTEGER NULL, long_prop_2 INTEGER NULL, dec_prop_1 NUMERIC NULL, dec_prop_2 NUMERIC NULL, bool_prop_1 BOOLEAN NULL, bool_prop_2 BOOLEAN NULL, time_zone_id TEXT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
CREATE TABLE qrtz_blob_triggers (sched_name TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, blob_data BLOB NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group), FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
CREATE TABLE qrtz_calendars (sched_name TEXT NOT NULL, calendar_name TEXT NOT NULL, calendar BLOB NOT NULL, PRIMARY KEY (sched_name, calendar_name));
CREATE TABLE qrtz_paused_trigger_grps (sched_name TEXT NOT NULL, trigger_group TEXT NOT NULL, pause_reason TEXT NULL, paused_by TEXT NULL, paused_at INTEGER NULL, PRIMARY KEY (sched_name, trigger_group));
CREATE TABLE qrtz_paused_job_grps (sched_name TEXT NOT NULL, job_group TEXT NOT NULL, pause_reason TEXT NULL, paused_by TEXT NULL, paused_at INTEGER NULL, PRIMARY KEY (sched_name, job_group));
CREATE TABLE qrtz_fired_triggers (sched_name TEXT NOT NULL, entry_id TEXT NOT NULL, trigger_name TEXT NOT NULL, trigger_group TEXT NOT NULL, instance_name TEXT NOT NULL, fired_time INTEGER NOT NULL, sched_time INTEGER NOT NULL, priority INTEGER NOT NULL, state TEXT NOT NULL, job_name TEXT NULL, job_group TEXT NULL, is_nonconcurrent BOOLEAN NULL, requests_recovery BOOLEAN NULL, execution_group TEXT NULL, progress INTEGER NULL, progress_message TEXT NULL, interrupt_requested_time INTEGER NULL, PRIMARY KEY (sched_name, entry_id));
CREATE TABLE qrtz_scheduler_state (sched_name TEXT NOT NULL, instance_name TEXT NOT NULL, last_checkin_time INTEGER NOT NULL, checkin_interval INTEGER NOT NULL, quartz_version TEXT NULL, PRIMARY KEY (sched_name, instance_name));
CREATE TABLE qrtz_locks (sched_name TEXT NOT NULL, lock_name TEXT NOT NULL, PRIMARY KEY (sched_name, lock_name));
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('milestones',9);
INSERT INTO sqlite_sequence VALUES('outbox',6);
INSERT INTO sqlite_sequence VALUES('history',21);
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "IX_extension_requests_Status_MilestoneId" ON "extension_requests" ("Status", "MilestoneId");
CREATE INDEX "IX_history_MilestoneId" ON "history" ("MilestoneId");
CREATE INDEX "IX_milestones_EffectiveDue" ON "milestones" ("EffectiveDue");
CREATE INDEX "IX_milestones_Lead_EffectiveDue_DoneOn_Status" ON "milestones" ("Lead", "EffectiveDue", "DoneOn", "Status");
CREATE INDEX "IX_milestones_PlanId_EffectiveDue_DoneOn_Status" ON "milestones" ("PlanId", "EffectiveDue", "DoneOn", "Status");
CREATE UNIQUE INDEX "IX_milestones_PlanId_TaskId_Number" ON "milestones" ("PlanId", "TaskId", "Number");
CREATE UNIQUE INDEX "IX_outbox_Key" ON "outbox" ("Key");
CREATE INDEX "IX_outbox_Status_At" ON "outbox" ("Status", "At");
CREATE TRIGGER qrtz_delete_simple_triggers AFTER DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_simple_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END;
CREATE TRIGGER qrtz_delete_simprop_triggers AFTER DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_simprop_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END;
CREATE TRIGGER qrtz_delete_cron_triggers AFTER DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_cron_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END;
CREATE TRIGGER qrtz_delete_blob_triggers AFTER DELETE ON qrtz_triggers BEGIN DELETE FROM qrtz_blob_triggers WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END;
CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX idx_qrtz_ft_inst_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
COMMIT;
