/* ticketz-console */
-- Flyway's schema history table, as Flyway creates it on PostgreSQL (database/postgresql/
-- createMetaDataTable.sql), made empty in verify's scratch database for migrations that read or
-- alter it. Empty, it adds no applied versions to the engine's status.
CREATE /* ticketz-console */ TABLE IF NOT EXISTS public.flyway_schema_history (
  installed_rank int NOT NULL,
  version varchar(50),
  description varchar(200) NOT NULL,
  type varchar(20) NOT NULL,
  script varchar(1000) NOT NULL,
  checksum integer,
  installed_by varchar(100) NOT NULL,
  installed_on timestamp NOT NULL DEFAULT now(),
  execution_time integer NOT NULL,
  success boolean NOT NULL,
  CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
);
CREATE /* ticketz-console */ INDEX IF NOT EXISTS flyway_schema_history_s_idx ON public.flyway_schema_history (success);
