-- The schema that migrations/postgresql/*.sql produce, as pg_dump --schema-only prints it.
-- Recorded by `PEDIGREE_RECORD_SCHEMA=1 swift test --filter PostgresSchemaFileTests`; do not
-- edit (that test keeps it equal to the migrations).
--
-- PostgreSQL database dump
--


SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: instr(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.instr(haystack text, needle text) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT strpos(haystack, needle)
$$;


--
-- Name: json_each(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.json_each(details text, path text) RETURNS TABLE(value text)
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT element FROM json_array_elements_text(
    CASE WHEN json_typeof(pedigree_json(details) #> string_to_array(substr(path, 3), '.')) = 'array'
      THEN pedigree_json(details) #> string_to_array(substr(path, 3), '.') ELSE '[]'::json END) element
$$;


--
-- Name: json_extract(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.json_extract(details text, path text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT pedigree_json(details) #>> string_to_array(substr(path, 3), '.')
$$;


--
-- Name: json_valid(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.json_valid(details text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT pedigree_json(details) IS NOT NULL
$$;


--
-- Name: max(bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.max(a bigint, b bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END
$$;


--
-- Name: max(bigint, bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.max(a bigint, b bigint, c bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT max(max(a, b), c)
$$;


--
-- Name: max(bigint, bigint, bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.max(a bigint, b bigint, c bigint, d bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT max(max(a, b), max(c, d))
$$;


--
-- Name: min(bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.min(a bigint, b bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END
$$;


--
-- Name: pedigree_glob(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pedigree_glob(pattern text, value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
  SELECT value LIKE replace(replace(replace(replace(replace(pattern, '\', '\\'), '%', '\%'), '_', '\_'),
    '*', '%'), '?', '_') ESCAPE '\'
$$;


--
-- Name: pedigree_json(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pedigree_json(details text) RETURNS json
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
  RETURN details::json;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;


--
-- Name: pedigree_next_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pedigree_next_id() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)
      INTO NEW.id;
  END IF;
  RETURN NEW;
END;
$$;


--
-- Name: pedigree_refuse(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pedigree_refuse() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;


--
-- Name: pedigree_touch(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pedigree_touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
BEGIN
  IF to_regclass('pg_temp.pedigree_touched') IS NOT NULL THEN
    EXECUTE 'INSERT INTO pg_temp.pedigree_touched(kind, id) VALUES ($1, $2)'
      USING TG_ARGV[0], (to_jsonb(NEW) ->> TG_ARGV[1])::bigint;
  END IF;
  RETURN NULL;
END;
$_$;


--
-- Name: tokens_only_revoke(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.tokens_only_revoke() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NOT (OLD.revoked = 0 AND NEW.revoked = 1 AND NEW.id = OLD.id AND NEW.name = OLD.name
    AND NEW.role = OLD.role AND NEW.secret_sha256 = OLD.secret_sha256
    AND NEW.expires_at IS NOT DISTINCT FROM OLD.expires_at AND NEW.created_by = OLD.created_by
    AND NEW.created_at = OLD.created_at
    AND EXISTS (SELECT 1 FROM token_revocations r WHERE r.token_id = OLD.id)) THEN
    RAISE EXCEPTION 'tokens are append-only: only a recorded revocation may mark one revoked';
  END IF;
  RETURN NEW;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alias_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alias_events (
    id bigint NOT NULL,
    model_id bigint NOT NULL,
    alias text NOT NULL COLLATE pg_catalog."C",
    action text NOT NULL COLLATE pg_catalog."C",
    from_version_id bigint,
    to_version_id bigint,
    actor text NOT NULL COLLATE pg_catalog."C",
    reason text COLLATE pg_catalog."C",
    at bigint NOT NULL,
    CONSTRAINT alias_events_action_check CHECK ((action = ANY (ARRAY['promote'::text, 'rollback'::text, 'remove'::text]))),
    CONSTRAINT alias_events_check CHECK (((action = 'remove'::text) = (to_version_id IS NULL))),
    CONSTRAINT alias_events_check1 CHECK (((action <> 'remove'::text) OR (from_version_id IS NOT NULL)))
);


--
-- Name: artifacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.artifacts (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    uri text NOT NULL COLLATE pg_catalog."C",
    digest text COLLATE pg_catalog."C",
    size_bytes bigint,
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT artifacts_digest_check CHECK ((digest ~~ 'sha256:%'::text)),
    CONSTRAINT artifacts_size_bytes_check CHECK ((size_bytes >= 0))
);


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at bigint NOT NULL,
    actor text NOT NULL COLLATE pg_catalog."C",
    action text NOT NULL COLLATE pg_catalog."C",
    entity text NOT NULL COLLATE pg_catalog."C",
    details text NOT NULL COLLATE pg_catalog."C",
    prev_hash text NOT NULL COLLATE pg_catalog."C",
    hash text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: dataset_deprecations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dataset_deprecations (
    dataset_version_id bigint NOT NULL,
    deprecated_at bigint NOT NULL,
    deprecated_by text NOT NULL COLLATE pg_catalog."C",
    reason text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: dataset_version_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dataset_version_tags (
    dataset_version_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: dataset_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dataset_versions (
    id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    version bigint NOT NULL,
    uri text NOT NULL COLLATE pg_catalog."C",
    digest text COLLATE pg_catalog."C",
    size_bytes bigint,
    row_count bigint,
    schema_json text COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT dataset_versions_digest_check CHECK (((digest ~~ 'sha256:%'::text) OR (digest ~~ 'mlflow:%'::text))),
    CONSTRAINT dataset_versions_row_count_check CHECK ((row_count >= 0)),
    CONSTRAINT dataset_versions_size_bytes_check CHECK ((size_bytes >= 0)),
    CONSTRAINT dataset_versions_version_check CHECK ((version >= 1))
);


--
-- Name: datasets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.datasets (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    last_version bigint DEFAULT 0 NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: edges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.edges (
    src bigint NOT NULL,
    dst bigint NOT NULL,
    relation text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT edges_relation_check CHECK ((relation = ANY (ARRAY['input'::text, 'output'::text, 'source_run'::text, 'source_artifact'::text])))
);


--
-- Name: experiment_tag_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiment_tag_events (
    id bigint NOT NULL,
    experiment_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: experiments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiments (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL
);


--
-- Name: latest_metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.latest_metrics (
    run_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    step bigint NOT NULL,
    "timestamp" bigint NOT NULL,
    value double precision
);


--
-- Name: logged_model_finalizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.logged_model_finalizations (
    logged_model_id bigint NOT NULL,
    status text NOT NULL COLLATE pg_catalog."C",
    artifact_id bigint,
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL,
    CONSTRAINT logged_model_finalizations_status_check CHECK ((status = ANY (ARRAY['LOGGED_MODEL_READY'::text, 'LOGGED_MODEL_UPLOAD_FAILED'::text])))
);


--
-- Name: logged_model_tag_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.logged_model_tag_events (
    id bigint NOT NULL,
    logged_model_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: logged_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.logged_models (
    id bigint NOT NULL,
    model_id text NOT NULL COLLATE pg_catalog."C",
    experiment_id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    source_run_id bigint,
    model_type text COLLATE pg_catalog."C",
    params text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT logged_models_model_id_check CHECK (((length(model_id) = 34) AND (model_id ~~ 'm-%'::text)))
);


--
-- Name: metric_chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.metric_chunks (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    key_id bigint NOT NULL,
    count bigint NOT NULL,
    min_step bigint NOT NULL,
    max_step bigint NOT NULL,
    points bytea NOT NULL,
    CONSTRAINT metric_chunks_check CHECK ((max_step >= min_step)),
    CONSTRAINT metric_chunks_count_check CHECK (((count >= 1) AND (count <= 8192)))
);


--
-- Name: metric_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.metric_keys (
    id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: mlflow_files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mlflow_files (
    id bigint NOT NULL,
    path text NOT NULL COLLATE pg_catalog."C",
    digest text NOT NULL COLLATE pg_catalog."C",
    size_bytes bigint NOT NULL,
    artifact_id bigint,
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT mlflow_files_digest_check CHECK ((digest ~~ 'sha256:%'::text)),
    CONSTRAINT mlflow_files_size_bytes_check CHECK ((size_bytes >= 0))
);


--
-- Name: model_metadata_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_metadata_events (
    id bigint NOT NULL,
    model_id bigint NOT NULL,
    key text COLLATE pg_catalog."C",
    value text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: model_version_description_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_version_description_events (
    id bigint NOT NULL,
    model_version_id bigint NOT NULL,
    description text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: model_version_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_version_sources (
    model_version_id bigint NOT NULL,
    source text NOT NULL COLLATE pg_catalog."C",
    run_link text COLLATE pg_catalog."C",
    logged_model_id bigint
);


--
-- Name: model_version_tag_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_version_tag_events (
    id bigint NOT NULL,
    model_version_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: model_version_tags; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.model_version_tags AS
 SELECT t.model_version_id,
    t.key,
    t.value
   FROM public.model_version_tag_events t
  WHERE ((t.value IS NOT NULL) AND (t.id = ( SELECT max(x.id) AS max
           FROM public.model_version_tag_events x
          WHERE ((x.model_version_id = t.model_version_id) AND (x.key = t.key)))));


--
-- Name: model_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.model_versions (
    id bigint NOT NULL,
    model_id bigint NOT NULL,
    version bigint NOT NULL,
    run_id bigint NOT NULL,
    artifact_id bigint,
    artifact_digest text COLLATE pg_catalog."C",
    description text COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C",
    deprecated_at bigint,
    deprecated_by text COLLATE pg_catalog."C",
    deprecation_reason text COLLATE pg_catalog."C",
    CONSTRAINT model_versions_artifact_digest_check CHECK ((artifact_digest ~~ 'sha256:%'::text)),
    CONSTRAINT model_versions_version_check CHECK ((version >= 1))
);


--
-- Name: models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.models (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    last_version bigint DEFAULT 0 NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: nodes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.nodes (
    id bigint NOT NULL,
    kind text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT nodes_kind_check CHECK ((kind = ANY (ARRAY['dataset_version'::text, 'run'::text, 'artifact'::text, 'model_version'::text])))
);


--
-- Name: ol_datasets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ol_datasets (
    dataset_id bigint NOT NULL,
    namespace text NOT NULL COLLATE pg_catalog."C",
    name text NOT NULL COLLATE pg_catalog."C",
    uri text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: ol_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ol_events (
    id bigint NOT NULL,
    body_sha256 text NOT NULL COLLATE pg_catalog."C",
    kind text NOT NULL COLLATE pg_catalog."C",
    event_type text COLLATE pg_catalog."C",
    event_time bigint NOT NULL,
    received_at bigint NOT NULL,
    run_id bigint,
    producer text NOT NULL COLLATE pg_catalog."C",
    body bytea NOT NULL,
    CONSTRAINT ol_events_body_sha256_check CHECK ((body_sha256 ~~ 'sha256:%'::text)),
    CONSTRAINT ol_events_kind_check CHECK ((kind = ANY (ARRAY['run'::text, 'job'::text, 'dataset'::text])))
);


--
-- Name: ol_run_outputs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ol_run_outputs (
    event_id bigint NOT NULL,
    run_id bigint NOT NULL,
    dataset_id bigint NOT NULL,
    facts text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: ol_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ol_runs (
    run_id bigint NOT NULL,
    ol_run_id text NOT NULL COLLATE pg_catalog."C",
    job_namespace text NOT NULL COLLATE pg_catalog."C",
    job_name text NOT NULL COLLATE pg_catalog."C",
    adopted bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ol_runs_adopted_check CHECK ((adopted = ANY (ARRAY[(0)::bigint, (1)::bigint])))
);


--
-- Name: params; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.params (
    run_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: pedigree_registry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pedigree_registry (
    singleton boolean DEFAULT true NOT NULL,
    application text NOT NULL COLLATE pg_catalog."C",
    schema_version bigint NOT NULL,
    CONSTRAINT pedigree_registry_application_check CHECK ((application = 'pedigree'::text)),
    CONSTRAINT pedigree_registry_schema_version_check CHECK ((schema_version >= 1)),
    CONSTRAINT pedigree_registry_singleton_check CHECK (singleton)
);


--
-- Name: promotion_policies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.promotion_policies (
    id bigint NOT NULL,
    pattern text NOT NULL COLLATE pg_catalog."C",
    alias text NOT NULL COLLATE pg_catalog."C",
    action text NOT NULL COLLATE pg_catalog."C",
    require_filter text COLLATE pg_catalog."C",
    require_ast text COLLATE pg_catalog."C",
    require_reason bigint DEFAULT 0 NOT NULL,
    require_prior_alias text COLLATE pg_catalog."C",
    min_role text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL,
    CONSTRAINT promotion_policies_action_check CHECK ((action = ANY (ARRAY['set'::text, 'unset'::text]))),
    CONSTRAINT promotion_policies_check CHECK (((require_filter IS NULL) = (require_ast IS NULL))),
    CONSTRAINT promotion_policies_min_role_check CHECK ((min_role = ANY (ARRAY['reader'::text, 'writer'::text, 'promoter'::text, 'admin'::text]))),
    CONSTRAINT promotion_policies_require_reason_check CHECK ((require_reason = ANY (ARRAY[(0)::bigint, (1)::bigint])))
);


--
-- Name: run_input_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_input_tags (
    run_id bigint NOT NULL,
    dataset_version_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: run_logged_model_outputs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_logged_model_outputs (
    run_id bigint NOT NULL,
    logged_model_id bigint NOT NULL,
    step bigint NOT NULL
);


--
-- Name: run_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_records (
    run_id bigint NOT NULL,
    digest text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT run_records_digest_check CHECK ((digest ~~ 'sha256:%'::text))
);


--
-- Name: run_tag_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_tag_events (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text COLLATE pg_catalog."C",
    previous text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: run_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_tags (
    run_id bigint NOT NULL,
    key text NOT NULL COLLATE pg_catalog."C",
    value text NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.runs (
    id bigint NOT NULL,
    uuid text NOT NULL COLLATE pg_catalog."C",
    experiment_id bigint NOT NULL,
    name text COLLATE pg_catalog."C",
    status text NOT NULL COLLATE pg_catalog."C",
    started_at bigint NOT NULL,
    ended_at bigint,
    git_commit text COLLATE pg_catalog."C",
    git_repo text COLLATE pg_catalog."C",
    entry_point text COLLATE pg_catalog."C",
    actor text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT runs_check CHECK (((ended_at IS NULL) OR (ended_at >= started_at))),
    CONSTRAINT runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'finished'::text, 'failed'::text, 'killed'::text]))),
    CONSTRAINT runs_uuid_check CHECK ((length(uuid) = 32))
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    checksum text NOT NULL COLLATE pg_catalog."C",
    applied_at bigint NOT NULL
);


--
-- Name: token_revocations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.token_revocations (
    token_id bigint NOT NULL,
    actor text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL
);


--
-- Name: tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokens (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    role text NOT NULL COLLATE pg_catalog."C",
    secret_sha256 text NOT NULL COLLATE pg_catalog."C",
    expires_at bigint,
    created_by text NOT NULL COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    revoked bigint DEFAULT 0 NOT NULL,
    CONSTRAINT tokens_revoked_check CHECK ((revoked = ANY (ARRAY[(0)::bigint, (1)::bigint]))),
    CONSTRAINT tokens_role_check CHECK ((role = ANY (ARRAY['reader'::text, 'writer'::text, 'promoter'::text, 'admin'::text])))
);


--
-- Name: alias_events alias_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alias_events
    ADD CONSTRAINT alias_events_pkey PRIMARY KEY (id);


--
-- Name: artifacts artifacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.artifacts
    ADD CONSTRAINT artifacts_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_hash_key UNIQUE (hash);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: dataset_deprecations dataset_deprecations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_deprecations
    ADD CONSTRAINT dataset_deprecations_pkey PRIMARY KEY (dataset_version_id);


--
-- Name: dataset_version_tags dataset_version_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_version_tags
    ADD CONSTRAINT dataset_version_tags_pkey PRIMARY KEY (dataset_version_id, key);


--
-- Name: dataset_versions dataset_versions_dataset_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_versions
    ADD CONSTRAINT dataset_versions_dataset_id_version_key UNIQUE (dataset_id, version);


--
-- Name: dataset_versions dataset_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_versions
    ADD CONSTRAINT dataset_versions_pkey PRIMARY KEY (id);


--
-- Name: datasets datasets_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.datasets
    ADD CONSTRAINT datasets_name_key UNIQUE (name);


--
-- Name: datasets datasets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.datasets
    ADD CONSTRAINT datasets_pkey PRIMARY KEY (id);


--
-- Name: edges edges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edges
    ADD CONSTRAINT edges_pkey PRIMARY KEY (src, dst, relation);


--
-- Name: experiment_tag_events experiment_tag_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_tag_events
    ADD CONSTRAINT experiment_tag_events_pkey PRIMARY KEY (id);


--
-- Name: experiments experiments_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_name_key UNIQUE (name);


--
-- Name: experiments experiments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_pkey PRIMARY KEY (id);


--
-- Name: latest_metrics latest_metrics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.latest_metrics
    ADD CONSTRAINT latest_metrics_pkey PRIMARY KEY (run_id, key);


--
-- Name: logged_model_finalizations logged_model_finalizations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_model_finalizations
    ADD CONSTRAINT logged_model_finalizations_pkey PRIMARY KEY (logged_model_id);


--
-- Name: logged_model_tag_events logged_model_tag_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_model_tag_events
    ADD CONSTRAINT logged_model_tag_events_pkey PRIMARY KEY (id);


--
-- Name: logged_models logged_models_model_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_models
    ADD CONSTRAINT logged_models_model_id_key UNIQUE (model_id);


--
-- Name: logged_models logged_models_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_models
    ADD CONSTRAINT logged_models_pkey PRIMARY KEY (id);


--
-- Name: metric_chunks metric_chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_chunks
    ADD CONSTRAINT metric_chunks_pkey PRIMARY KEY (id);


--
-- Name: metric_keys metric_keys_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_keys
    ADD CONSTRAINT metric_keys_key_key UNIQUE (key);


--
-- Name: metric_keys metric_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_keys
    ADD CONSTRAINT metric_keys_pkey PRIMARY KEY (id);


--
-- Name: mlflow_files mlflow_files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mlflow_files
    ADD CONSTRAINT mlflow_files_pkey PRIMARY KEY (id);


--
-- Name: model_metadata_events model_metadata_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_metadata_events
    ADD CONSTRAINT model_metadata_events_pkey PRIMARY KEY (id);


--
-- Name: model_version_description_events model_version_description_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_description_events
    ADD CONSTRAINT model_version_description_events_pkey PRIMARY KEY (id);


--
-- Name: model_version_sources model_version_sources_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_sources
    ADD CONSTRAINT model_version_sources_pkey PRIMARY KEY (model_version_id);


--
-- Name: model_version_tag_events model_version_tag_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_tag_events
    ADD CONSTRAINT model_version_tag_events_pkey PRIMARY KEY (id);


--
-- Name: model_versions model_versions_model_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_model_id_version_key UNIQUE (model_id, version);


--
-- Name: model_versions model_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_pkey PRIMARY KEY (id);


--
-- Name: models models_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.models
    ADD CONSTRAINT models_name_key UNIQUE (name);


--
-- Name: models models_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.models
    ADD CONSTRAINT models_pkey PRIMARY KEY (id);


--
-- Name: nodes nodes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.nodes
    ADD CONSTRAINT nodes_pkey PRIMARY KEY (id);


--
-- Name: ol_datasets ol_datasets_namespace_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_datasets
    ADD CONSTRAINT ol_datasets_namespace_name_key UNIQUE (namespace, name);


--
-- Name: ol_datasets ol_datasets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_datasets
    ADD CONSTRAINT ol_datasets_pkey PRIMARY KEY (dataset_id);


--
-- Name: ol_events ol_events_body_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_events
    ADD CONSTRAINT ol_events_body_sha256_key UNIQUE (body_sha256);


--
-- Name: ol_events ol_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_events
    ADD CONSTRAINT ol_events_pkey PRIMARY KEY (id);


--
-- Name: ol_run_outputs ol_run_outputs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_run_outputs
    ADD CONSTRAINT ol_run_outputs_pkey PRIMARY KEY (run_id, dataset_id, event_id);


--
-- Name: ol_runs ol_runs_ol_run_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_runs
    ADD CONSTRAINT ol_runs_ol_run_id_key UNIQUE (ol_run_id);


--
-- Name: ol_runs ol_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_runs
    ADD CONSTRAINT ol_runs_pkey PRIMARY KEY (run_id);


--
-- Name: params params_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.params
    ADD CONSTRAINT params_pkey PRIMARY KEY (run_id, key);


--
-- Name: pedigree_registry pedigree_registry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pedigree_registry
    ADD CONSTRAINT pedigree_registry_pkey PRIMARY KEY (singleton);


--
-- Name: promotion_policies promotion_policies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.promotion_policies
    ADD CONSTRAINT promotion_policies_pkey PRIMARY KEY (id);


--
-- Name: run_input_tags run_input_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_input_tags
    ADD CONSTRAINT run_input_tags_pkey PRIMARY KEY (run_id, dataset_version_id, key);


--
-- Name: run_logged_model_outputs run_logged_model_outputs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_logged_model_outputs
    ADD CONSTRAINT run_logged_model_outputs_pkey PRIMARY KEY (run_id, logged_model_id);


--
-- Name: run_records run_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_records
    ADD CONSTRAINT run_records_pkey PRIMARY KEY (run_id);


--
-- Name: run_tag_events run_tag_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_tag_events
    ADD CONSTRAINT run_tag_events_pkey PRIMARY KEY (id);


--
-- Name: run_tags run_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_tags
    ADD CONSTRAINT run_tags_pkey PRIMARY KEY (run_id, key);


--
-- Name: runs runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_pkey PRIMARY KEY (id);


--
-- Name: runs runs_uuid_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_uuid_key UNIQUE (uuid);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: token_revocations token_revocations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.token_revocations
    ADD CONSTRAINT token_revocations_pkey PRIMARY KEY (token_id);


--
-- Name: tokens tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_pkey PRIMARY KEY (id);


--
-- Name: tokens tokens_secret_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_secret_sha256_key UNIQUE (secret_sha256);


--
-- Name: alias_events_by_alias; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alias_events_by_alias ON public.alias_events USING btree (model_id, alias, id);


--
-- Name: alias_events_by_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alias_events_by_target ON public.alias_events USING btree (to_version_id);


--
-- Name: artifacts_by_digest; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX artifacts_by_digest ON public.artifacts USING btree (digest) WHERE (digest IS NOT NULL);


--
-- Name: audit_log_by_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_by_actor ON public.audit_log USING btree (actor, id);


--
-- Name: audit_log_by_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_by_at ON public.audit_log USING btree (at);


--
-- Name: audit_log_by_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_by_entity ON public.audit_log USING btree (entity, id);


--
-- Name: dataset_versions_by_digest; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX dataset_versions_by_digest ON public.dataset_versions USING btree (dataset_id, digest) WHERE (digest IS NOT NULL);


--
-- Name: edges_by_dst; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX edges_by_dst ON public.edges USING btree (dst, src);


--
-- Name: experiment_tag_events_by_experiment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX experiment_tag_events_by_experiment ON public.experiment_tag_events USING btree (experiment_id, key, id);


--
-- Name: latest_metrics_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX latest_metrics_by_key ON public.latest_metrics USING btree (key, value);


--
-- Name: logged_model_tag_events_by_model; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX logged_model_tag_events_by_model ON public.logged_model_tag_events USING btree (logged_model_id, key, id);


--
-- Name: logged_models_by_experiment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX logged_models_by_experiment ON public.logged_models USING btree (experiment_id, name);


--
-- Name: metric_chunks_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX metric_chunks_by_key ON public.metric_chunks USING btree (run_id, key_id, min_step, max_step);


--
-- Name: mlflow_files_by_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mlflow_files_by_path ON public.mlflow_files USING btree (path, id);


--
-- Name: model_metadata_events_by_model; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX model_metadata_events_by_model ON public.model_metadata_events USING btree (model_id, key, id);


--
-- Name: model_version_description_events_by_version; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX model_version_description_events_by_version ON public.model_version_description_events USING btree (model_version_id, id);


--
-- Name: model_version_tag_events_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX model_version_tag_events_by_key ON public.model_version_tag_events USING btree (key, value);


--
-- Name: model_version_tag_events_by_version; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX model_version_tag_events_by_version ON public.model_version_tag_events USING btree (model_version_id, key, id);


--
-- Name: model_versions_by_digest; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX model_versions_by_digest ON public.model_versions USING btree (model_id, artifact_digest) WHERE (artifact_digest IS NOT NULL);


--
-- Name: model_versions_by_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX model_versions_by_run ON public.model_versions USING btree (run_id);


--
-- Name: ol_datasets_by_uri; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ol_datasets_by_uri ON public.ol_datasets USING btree (uri);


--
-- Name: ol_events_by_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ol_events_by_run ON public.ol_events USING btree (run_id, event_time);


--
-- Name: ol_events_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ol_events_by_time ON public.ol_events USING btree (event_time);


--
-- Name: params_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX params_by_key ON public.params USING btree (key, value);


--
-- Name: promotion_policies_by_alias; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX promotion_policies_by_alias ON public.promotion_policies USING btree (alias, pattern, id);


--
-- Name: run_records_by_digest; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX run_records_by_digest ON public.run_records USING btree (digest);


--
-- Name: run_tag_events_by_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX run_tag_events_by_run ON public.run_tag_events USING btree (run_id, key, id);


--
-- Name: run_tags_by_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX run_tags_by_key ON public.run_tags USING btree (key, value);


--
-- Name: runs_by_experiment; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX runs_by_experiment ON public.runs USING btree (experiment_id, started_at);


--
-- Name: runs_by_started_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX runs_by_started_at ON public.runs USING btree (started_at);


--
-- Name: tokens_in_force_by_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tokens_in_force_by_name ON public.tokens USING btree (name) WHERE (revoked = 0);


--
-- Name: alias_events alias_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alias_events_next_id BEFORE INSERT ON public.alias_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.alias_events ENABLE ALWAYS TRIGGER alias_events_next_id;


--
-- Name: alias_events alias_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON public.alias_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('alias_events is append-only');


--
-- Name: alias_events alias_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alias_events_no_truncate BEFORE TRUNCATE ON public.alias_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('alias_events is append-only');


--
-- Name: alias_events alias_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON public.alias_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('alias_events is append-only');


--
-- Name: alias_events alias_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alias_events_touch AFTER INSERT OR UPDATE ON public.alias_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('alias_event', 'id');


--
-- Name: artifacts artifacts_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER artifacts_immutable BEFORE UPDATE ON public.artifacts FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('artifacts are immutable');


--
-- Name: artifacts artifacts_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER artifacts_no_delete BEFORE DELETE ON public.artifacts FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('artifacts are immutable');


--
-- Name: artifacts artifacts_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER artifacts_no_truncate BEFORE TRUNCATE ON public.artifacts FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('artifacts are immutable');


--
-- Name: artifacts artifacts_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER artifacts_touch AFTER UPDATE ON public.artifacts FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('artifact', 'id');


--
-- Name: audit_log audit_log_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('audit_log is append-only');


--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('audit_log is append-only');


--
-- Name: audit_log audit_log_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('audit_log is append-only');


--
-- Name: dataset_deprecations dataset_deprecations_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_deprecations_no_delete BEFORE DELETE ON public.dataset_deprecations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('a dataset version can only be deprecated, once');


--
-- Name: dataset_deprecations dataset_deprecations_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_deprecations_no_truncate BEFORE TRUNCATE ON public.dataset_deprecations FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('a dataset version can only be deprecated, once');


--
-- Name: dataset_deprecations dataset_deprecations_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_deprecations_no_update BEFORE UPDATE ON public.dataset_deprecations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('a dataset version can only be deprecated, once');


--
-- Name: dataset_deprecations dataset_deprecations_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_deprecations_touch AFTER INSERT OR UPDATE ON public.dataset_deprecations FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('dataset_version', 'dataset_version_id');


--
-- Name: dataset_version_tags dataset_version_tags_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_version_tags_no_delete BEFORE DELETE ON public.dataset_version_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('dataset version tags are immutable');


--
-- Name: dataset_version_tags dataset_version_tags_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_version_tags_no_truncate BEFORE TRUNCATE ON public.dataset_version_tags FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('dataset version tags are immutable');


--
-- Name: dataset_version_tags dataset_version_tags_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_version_tags_no_update BEFORE UPDATE ON public.dataset_version_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('dataset version tags are immutable');


--
-- Name: dataset_version_tags dataset_version_tags_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_version_tags_touch AFTER INSERT OR UPDATE ON public.dataset_version_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('dataset_version', 'dataset_version_id');


--
-- Name: dataset_versions dataset_versions_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON public.dataset_versions FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('dataset versions are immutable');


--
-- Name: dataset_versions dataset_versions_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_versions_no_delete BEFORE DELETE ON public.dataset_versions FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('dataset versions are immutable');


--
-- Name: dataset_versions dataset_versions_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_versions_no_truncate BEFORE TRUNCATE ON public.dataset_versions FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('dataset versions are immutable');


--
-- Name: dataset_versions dataset_versions_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER dataset_versions_touch AFTER INSERT OR UPDATE ON public.dataset_versions FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('dataset_version', 'id');


--
-- Name: datasets datasets_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER datasets_next_id BEFORE INSERT ON public.datasets FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.datasets ENABLE ALWAYS TRIGGER datasets_next_id;


--
-- Name: datasets datasets_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER datasets_touch AFTER INSERT OR UPDATE ON public.datasets FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('dataset', 'id');


--
-- Name: edges edges_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER edges_no_delete BEFORE DELETE ON public.edges FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('lineage edges are append-only');


--
-- Name: edges edges_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER edges_no_truncate BEFORE TRUNCATE ON public.edges FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('lineage edges are append-only');


--
-- Name: edges edges_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER edges_no_update BEFORE UPDATE ON public.edges FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('lineage edges are append-only');


--
-- Name: edges edges_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER edges_touch AFTER UPDATE ON public.edges FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('edge', 'dst');


--
-- Name: experiment_tag_events experiment_tag_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiment_tag_events_next_id BEFORE INSERT ON public.experiment_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.experiment_tag_events ENABLE ALWAYS TRIGGER experiment_tag_events_next_id;


--
-- Name: experiment_tag_events experiment_tag_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiment_tag_events_no_delete BEFORE DELETE ON public.experiment_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('experiment_tag_events is append-only');


--
-- Name: experiment_tag_events experiment_tag_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiment_tag_events_no_truncate BEFORE TRUNCATE ON public.experiment_tag_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('experiment_tag_events is append-only');


--
-- Name: experiment_tag_events experiment_tag_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiment_tag_events_no_update BEFORE UPDATE ON public.experiment_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('experiment_tag_events is append-only');


--
-- Name: experiment_tag_events experiment_tag_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiment_tag_events_touch AFTER INSERT OR UPDATE ON public.experiment_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('experiment_tag_event', 'id');


--
-- Name: experiments experiments_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiments_next_id BEFORE INSERT ON public.experiments FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.experiments ENABLE ALWAYS TRIGGER experiments_next_id;


--
-- Name: experiments experiments_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER experiments_touch AFTER INSERT OR UPDATE ON public.experiments FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('experiment', 'id');


--
-- Name: logged_model_finalizations logged_model_finalizations_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_finalizations_no_delete BEFORE DELETE ON public.logged_model_finalizations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('a logged model is finalized once');


--
-- Name: logged_model_finalizations logged_model_finalizations_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_finalizations_no_truncate BEFORE TRUNCATE ON public.logged_model_finalizations FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('a logged model is finalized once');


--
-- Name: logged_model_finalizations logged_model_finalizations_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_finalizations_no_update BEFORE UPDATE ON public.logged_model_finalizations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('a logged model is finalized once');


--
-- Name: logged_model_finalizations logged_model_finalizations_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_finalizations_touch AFTER INSERT OR UPDATE ON public.logged_model_finalizations FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('logged_model', 'logged_model_id');


--
-- Name: logged_model_tag_events logged_model_tag_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_tag_events_next_id BEFORE INSERT ON public.logged_model_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.logged_model_tag_events ENABLE ALWAYS TRIGGER logged_model_tag_events_next_id;


--
-- Name: logged_model_tag_events logged_model_tag_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_tag_events_no_delete BEFORE DELETE ON public.logged_model_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('logged_model_tag_events is append-only');


--
-- Name: logged_model_tag_events logged_model_tag_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_tag_events_no_truncate BEFORE TRUNCATE ON public.logged_model_tag_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('logged_model_tag_events is append-only');


--
-- Name: logged_model_tag_events logged_model_tag_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_tag_events_no_update BEFORE UPDATE ON public.logged_model_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('logged_model_tag_events is append-only');


--
-- Name: logged_model_tag_events logged_model_tag_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_model_tag_events_touch AFTER INSERT OR UPDATE ON public.logged_model_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('logged_model_tag_event', 'id');


--
-- Name: logged_models logged_models_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_models_immutable BEFORE UPDATE ON public.logged_models FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('logged models are immutable');


--
-- Name: logged_models logged_models_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_models_next_id BEFORE INSERT ON public.logged_models FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.logged_models ENABLE ALWAYS TRIGGER logged_models_next_id;


--
-- Name: logged_models logged_models_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_models_no_delete BEFORE DELETE ON public.logged_models FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('logged models are immutable');


--
-- Name: logged_models logged_models_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_models_no_truncate BEFORE TRUNCATE ON public.logged_models FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('logged models are immutable');


--
-- Name: logged_models logged_models_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER logged_models_touch AFTER INSERT OR UPDATE ON public.logged_models FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('logged_model', 'id');


--
-- Name: metric_chunks metric_chunks_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_chunks_next_id BEFORE INSERT ON public.metric_chunks FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.metric_chunks ENABLE ALWAYS TRIGGER metric_chunks_next_id;


--
-- Name: metric_chunks metric_chunks_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_chunks_no_delete BEFORE DELETE ON public.metric_chunks FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('metric history is append-only');


--
-- Name: metric_chunks metric_chunks_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_chunks_no_truncate BEFORE TRUNCATE ON public.metric_chunks FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('metric history is append-only');


--
-- Name: metric_chunks metric_chunks_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_chunks_no_update BEFORE UPDATE ON public.metric_chunks FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('metric history is append-only');


--
-- Name: metric_keys metric_keys_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_keys_next_id BEFORE INSERT ON public.metric_keys FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.metric_keys ENABLE ALWAYS TRIGGER metric_keys_next_id;


--
-- Name: metric_keys metric_keys_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_keys_no_delete BEFORE DELETE ON public.metric_keys FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('metric keys are immutable');


--
-- Name: metric_keys metric_keys_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_keys_no_truncate BEFORE TRUNCATE ON public.metric_keys FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('metric keys are immutable');


--
-- Name: metric_keys metric_keys_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metric_keys_no_update BEFORE UPDATE ON public.metric_keys FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('metric keys are immutable');


--
-- Name: mlflow_files mlflow_files_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mlflow_files_next_id BEFORE INSERT ON public.mlflow_files FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.mlflow_files ENABLE ALWAYS TRIGGER mlflow_files_next_id;


--
-- Name: mlflow_files mlflow_files_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mlflow_files_no_delete BEFORE DELETE ON public.mlflow_files FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('mlflow_files is append-only');


--
-- Name: mlflow_files mlflow_files_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mlflow_files_no_truncate BEFORE TRUNCATE ON public.mlflow_files FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('mlflow_files is append-only');


--
-- Name: mlflow_files mlflow_files_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mlflow_files_no_update BEFORE UPDATE ON public.mlflow_files FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('mlflow_files is append-only');


--
-- Name: mlflow_files mlflow_files_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER mlflow_files_touch AFTER INSERT OR UPDATE ON public.mlflow_files FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('mlflow_file', 'id');


--
-- Name: model_metadata_events model_metadata_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_metadata_events_next_id BEFORE INSERT ON public.model_metadata_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.model_metadata_events ENABLE ALWAYS TRIGGER model_metadata_events_next_id;


--
-- Name: model_metadata_events model_metadata_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_metadata_events_no_delete BEFORE DELETE ON public.model_metadata_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_metadata_events is append-only');


--
-- Name: model_metadata_events model_metadata_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_metadata_events_no_truncate BEFORE TRUNCATE ON public.model_metadata_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('model_metadata_events is append-only');


--
-- Name: model_metadata_events model_metadata_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_metadata_events_no_update BEFORE UPDATE ON public.model_metadata_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_metadata_events is append-only');


--
-- Name: model_metadata_events model_metadata_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_metadata_events_touch AFTER INSERT OR UPDATE ON public.model_metadata_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model_metadata_event', 'id');


--
-- Name: model_version_description_events model_version_description_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_description_events_next_id BEFORE INSERT ON public.model_version_description_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.model_version_description_events ENABLE ALWAYS TRIGGER model_version_description_events_next_id;


--
-- Name: model_version_description_events model_version_description_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_description_events_no_delete BEFORE DELETE ON public.model_version_description_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_version_description_events is append-only');


--
-- Name: model_version_description_events model_version_description_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_description_events_no_truncate BEFORE TRUNCATE ON public.model_version_description_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('model_version_description_events is append-only');


--
-- Name: model_version_description_events model_version_description_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_description_events_no_update BEFORE UPDATE ON public.model_version_description_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_version_description_events is append-only');


--
-- Name: model_version_description_events model_version_description_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_description_events_touch AFTER INSERT OR UPDATE ON public.model_version_description_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model_description_event', 'id');


--
-- Name: model_version_sources model_version_sources_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_sources_immutable BEFORE UPDATE ON public.model_version_sources FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model version sources are immutable');


--
-- Name: model_version_sources model_version_sources_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_sources_no_delete BEFORE DELETE ON public.model_version_sources FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model version sources are immutable');


--
-- Name: model_version_sources model_version_sources_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_sources_no_truncate BEFORE TRUNCATE ON public.model_version_sources FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('model version sources are immutable');


--
-- Name: model_version_sources model_version_sources_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_sources_touch AFTER INSERT OR UPDATE ON public.model_version_sources FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model_version_source', 'model_version_id');


--
-- Name: model_version_tag_events model_version_tag_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_tag_events_next_id BEFORE INSERT ON public.model_version_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.model_version_tag_events ENABLE ALWAYS TRIGGER model_version_tag_events_next_id;


--
-- Name: model_version_tag_events model_version_tag_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_tag_events_no_delete BEFORE DELETE ON public.model_version_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_version_tag_events is append-only');


--
-- Name: model_version_tag_events model_version_tag_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_tag_events_no_truncate BEFORE TRUNCATE ON public.model_version_tag_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('model_version_tag_events is append-only');


--
-- Name: model_version_tag_events model_version_tag_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_tag_events_no_update BEFORE UPDATE ON public.model_version_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model_version_tag_events is append-only');


--
-- Name: model_version_tag_events model_version_tag_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_version_tag_events_touch AFTER INSERT OR UPDATE ON public.model_version_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model_tag_event', 'id');


--
-- Name: model_versions model_versions_deprecate_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_versions_deprecate_only BEFORE UPDATE ON public.model_versions FOR EACH ROW WHEN (((old.deprecated_at IS NOT NULL) OR (new.id IS DISTINCT FROM old.id) OR (new.model_id IS DISTINCT FROM old.model_id) OR (new.version IS DISTINCT FROM old.version) OR (new.run_id IS DISTINCT FROM old.run_id) OR (new.artifact_id IS DISTINCT FROM old.artifact_id) OR (new.artifact_digest IS DISTINCT FROM old.artifact_digest) OR (new.description IS DISTINCT FROM old.description) OR (new.created_at IS DISTINCT FROM old.created_at) OR (new.created_by IS DISTINCT FROM old.created_by))) EXECUTE FUNCTION public.pedigree_refuse('a model version can only be deprecated, once');


--
-- Name: model_versions model_versions_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_versions_no_delete BEFORE DELETE ON public.model_versions FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('model versions are never deleted');


--
-- Name: model_versions model_versions_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_versions_no_truncate BEFORE TRUNCATE ON public.model_versions FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('model versions are never deleted');


--
-- Name: model_versions model_versions_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER model_versions_touch AFTER INSERT OR UPDATE ON public.model_versions FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model_version', 'id');


--
-- Name: models models_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER models_next_id BEFORE INSERT ON public.models FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.models ENABLE ALWAYS TRIGGER models_next_id;


--
-- Name: models models_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER models_no_delete BEFORE DELETE ON public.models FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('models are never deleted');


--
-- Name: models models_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER models_no_truncate BEFORE TRUNCATE ON public.models FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('models are never deleted');


--
-- Name: models models_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER models_touch AFTER INSERT OR UPDATE ON public.models FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('model', 'id');


--
-- Name: nodes nodes_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER nodes_next_id BEFORE INSERT ON public.nodes FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.nodes ENABLE ALWAYS TRIGGER nodes_next_id;


--
-- Name: ol_datasets ol_datasets_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_datasets_no_delete BEFORE DELETE ON public.ol_datasets FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_datasets is append-only');


--
-- Name: ol_datasets ol_datasets_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_datasets_no_truncate BEFORE TRUNCATE ON public.ol_datasets FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('ol_datasets is append-only');


--
-- Name: ol_datasets ol_datasets_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_datasets_no_update BEFORE UPDATE ON public.ol_datasets FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_datasets is append-only');


--
-- Name: ol_datasets ol_datasets_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_datasets_touch AFTER INSERT OR UPDATE ON public.ol_datasets FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('openlineage_dataset', 'dataset_id');


--
-- Name: ol_events ol_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_events_next_id BEFORE INSERT ON public.ol_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.ol_events ENABLE ALWAYS TRIGGER ol_events_next_id;


--
-- Name: ol_events ol_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_events_no_delete BEFORE DELETE ON public.ol_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_events is append-only');


--
-- Name: ol_events ol_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_events_no_truncate BEFORE TRUNCATE ON public.ol_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('ol_events is append-only');


--
-- Name: ol_events ol_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_events_no_update BEFORE UPDATE ON public.ol_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_events is append-only');


--
-- Name: ol_events ol_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_events_touch AFTER INSERT OR UPDATE ON public.ol_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('openlineage_event', 'id');


--
-- Name: ol_run_outputs ol_run_outputs_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_run_outputs_no_delete BEFORE DELETE ON public.ol_run_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_run_outputs is append-only');


--
-- Name: ol_run_outputs ol_run_outputs_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_run_outputs_no_truncate BEFORE TRUNCATE ON public.ol_run_outputs FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('ol_run_outputs is append-only');


--
-- Name: ol_run_outputs ol_run_outputs_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_run_outputs_no_update BEFORE UPDATE ON public.ol_run_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_run_outputs is append-only');


--
-- Name: ol_run_outputs ol_run_outputs_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_run_outputs_touch AFTER INSERT OR UPDATE ON public.ol_run_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('openlineage_output', 'event_id');


--
-- Name: ol_runs ol_runs_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_runs_no_delete BEFORE DELETE ON public.ol_runs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_runs is append-only');


--
-- Name: ol_runs ol_runs_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_runs_no_truncate BEFORE TRUNCATE ON public.ol_runs FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('ol_runs is append-only');


--
-- Name: ol_runs ol_runs_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_runs_no_update BEFORE UPDATE ON public.ol_runs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('ol_runs is append-only');


--
-- Name: ol_runs ol_runs_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ol_runs_touch AFTER INSERT OR UPDATE ON public.ol_runs FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('openlineage_run', 'run_id');


--
-- Name: params params_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER params_no_delete BEFORE DELETE ON public.params FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('params are immutable');


--
-- Name: params params_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER params_no_truncate BEFORE TRUNCATE ON public.params FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('params are immutable');


--
-- Name: params params_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER params_no_update BEFORE UPDATE ON public.params FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('params are immutable');


--
-- Name: params params_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER params_touch AFTER UPDATE ON public.params FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run', 'run_id');


--
-- Name: promotion_policies promotion_policies_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER promotion_policies_next_id BEFORE INSERT ON public.promotion_policies FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.promotion_policies ENABLE ALWAYS TRIGGER promotion_policies_next_id;


--
-- Name: promotion_policies promotion_policies_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER promotion_policies_no_delete BEFORE DELETE ON public.promotion_policies FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('promotion_policies is append-only');


--
-- Name: promotion_policies promotion_policies_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER promotion_policies_no_truncate BEFORE TRUNCATE ON public.promotion_policies FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('promotion_policies is append-only');


--
-- Name: promotion_policies promotion_policies_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER promotion_policies_no_update BEFORE UPDATE ON public.promotion_policies FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('promotion_policies is append-only');


--
-- Name: promotion_policies promotion_policies_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER promotion_policies_touch AFTER INSERT OR UPDATE ON public.promotion_policies FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('policy_event', 'id');


--
-- Name: run_input_tags run_input_tags_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_input_tags_no_delete BEFORE DELETE ON public.run_input_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_input_tags is append-only');


--
-- Name: run_input_tags run_input_tags_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_input_tags_no_truncate BEFORE TRUNCATE ON public.run_input_tags FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('run_input_tags is append-only');


--
-- Name: run_input_tags run_input_tags_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_input_tags_no_update BEFORE UPDATE ON public.run_input_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_input_tags is append-only');


--
-- Name: run_input_tags run_input_tags_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_input_tags_touch AFTER INSERT OR UPDATE ON public.run_input_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run_input_tag', 'run_id');


--
-- Name: run_logged_model_outputs run_logged_model_outputs_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_logged_model_outputs_no_delete BEFORE DELETE ON public.run_logged_model_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_logged_model_outputs is append-only');


--
-- Name: run_logged_model_outputs run_logged_model_outputs_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_logged_model_outputs_no_truncate BEFORE TRUNCATE ON public.run_logged_model_outputs FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('run_logged_model_outputs is append-only');


--
-- Name: run_logged_model_outputs run_logged_model_outputs_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_logged_model_outputs_no_update BEFORE UPDATE ON public.run_logged_model_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_logged_model_outputs is append-only');


--
-- Name: run_logged_model_outputs run_logged_model_outputs_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_logged_model_outputs_touch AFTER INSERT OR UPDATE ON public.run_logged_model_outputs FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('logged_model_output', 'run_id');


--
-- Name: run_records run_records_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_records_no_delete BEFORE DELETE ON public.run_records FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run records are append-only');


--
-- Name: run_records run_records_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_records_no_truncate BEFORE TRUNCATE ON public.run_records FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('run records are append-only');


--
-- Name: run_records run_records_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_records_no_update BEFORE UPDATE ON public.run_records FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run records are append-only');


--
-- Name: run_records run_records_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_records_touch AFTER UPDATE ON public.run_records FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run', 'run_id');


--
-- Name: run_tag_events run_tag_events_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tag_events_next_id BEFORE INSERT ON public.run_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.run_tag_events ENABLE ALWAYS TRIGGER run_tag_events_next_id;


--
-- Name: run_tag_events run_tag_events_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tag_events_no_delete BEFORE DELETE ON public.run_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_tag_events is append-only');


--
-- Name: run_tag_events run_tag_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tag_events_no_truncate BEFORE TRUNCATE ON public.run_tag_events FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('run_tag_events is append-only');


--
-- Name: run_tag_events run_tag_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tag_events_no_update BEFORE UPDATE ON public.run_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('run_tag_events is append-only');


--
-- Name: run_tag_events run_tag_events_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tag_events_touch AFTER INSERT OR UPDATE ON public.run_tag_events FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run_tag_event', 'id');


--
-- Name: run_tags run_tags_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_tags_touch AFTER UPDATE ON public.run_tags FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run', 'run_id');


--
-- Name: runs runs_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER runs_no_delete BEFORE DELETE ON public.runs FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('runs are never deleted');


--
-- Name: runs runs_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER runs_no_truncate BEFORE TRUNCATE ON public.runs FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('runs are never deleted');


--
-- Name: runs runs_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER runs_touch AFTER UPDATE ON public.runs FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('run', 'id');


--
-- Name: token_revocations token_revocations_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER token_revocations_no_delete BEFORE DELETE ON public.token_revocations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('token_revocations is append-only');


--
-- Name: token_revocations token_revocations_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER token_revocations_no_truncate BEFORE TRUNCATE ON public.token_revocations FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('token_revocations is append-only');


--
-- Name: token_revocations token_revocations_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER token_revocations_no_update BEFORE UPDATE ON public.token_revocations FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('token_revocations is append-only');


--
-- Name: token_revocations token_revocations_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER token_revocations_touch AFTER INSERT OR UPDATE ON public.token_revocations FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('token', 'token_id');


--
-- Name: tokens tokens_next_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_next_id BEFORE INSERT ON public.tokens FOR EACH ROW EXECUTE FUNCTION public.pedigree_next_id();

ALTER TABLE public.tokens ENABLE ALWAYS TRIGGER tokens_next_id;


--
-- Name: tokens tokens_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_no_delete BEFORE DELETE ON public.tokens FOR EACH ROW EXECUTE FUNCTION public.pedigree_refuse('tokens are append-only');


--
-- Name: tokens tokens_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_no_truncate BEFORE TRUNCATE ON public.tokens FOR EACH STATEMENT EXECUTE FUNCTION public.pedigree_refuse('tokens are append-only');


--
-- Name: tokens tokens_only_revoke; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_only_revoke BEFORE UPDATE ON public.tokens FOR EACH ROW EXECUTE FUNCTION public.tokens_only_revoke();


--
-- Name: tokens tokens_touch; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER tokens_touch AFTER INSERT OR UPDATE ON public.tokens FOR EACH ROW EXECUTE FUNCTION public.pedigree_touch('token', 'id');


--
-- Name: alias_events alias_events_from_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alias_events
    ADD CONSTRAINT alias_events_from_version_id_fkey FOREIGN KEY (from_version_id) REFERENCES public.model_versions(id);


--
-- Name: alias_events alias_events_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alias_events
    ADD CONSTRAINT alias_events_model_id_fkey FOREIGN KEY (model_id) REFERENCES public.models(id);


--
-- Name: alias_events alias_events_to_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alias_events
    ADD CONSTRAINT alias_events_to_version_id_fkey FOREIGN KEY (to_version_id) REFERENCES public.model_versions(id);


--
-- Name: artifacts artifacts_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.artifacts
    ADD CONSTRAINT artifacts_id_fkey FOREIGN KEY (id) REFERENCES public.nodes(id);


--
-- Name: dataset_deprecations dataset_deprecations_dataset_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_deprecations
    ADD CONSTRAINT dataset_deprecations_dataset_version_id_fkey FOREIGN KEY (dataset_version_id) REFERENCES public.dataset_versions(id);


--
-- Name: dataset_version_tags dataset_version_tags_dataset_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_version_tags
    ADD CONSTRAINT dataset_version_tags_dataset_version_id_fkey FOREIGN KEY (dataset_version_id) REFERENCES public.dataset_versions(id);


--
-- Name: dataset_versions dataset_versions_dataset_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_versions
    ADD CONSTRAINT dataset_versions_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES public.datasets(id);


--
-- Name: dataset_versions dataset_versions_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dataset_versions
    ADD CONSTRAINT dataset_versions_id_fkey FOREIGN KEY (id) REFERENCES public.nodes(id);


--
-- Name: edges edges_dst_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edges
    ADD CONSTRAINT edges_dst_fkey FOREIGN KEY (dst) REFERENCES public.nodes(id);


--
-- Name: edges edges_src_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.edges
    ADD CONSTRAINT edges_src_fkey FOREIGN KEY (src) REFERENCES public.nodes(id);


--
-- Name: experiment_tag_events experiment_tag_events_experiment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_tag_events
    ADD CONSTRAINT experiment_tag_events_experiment_id_fkey FOREIGN KEY (experiment_id) REFERENCES public.experiments(id);


--
-- Name: latest_metrics latest_metrics_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.latest_metrics
    ADD CONSTRAINT latest_metrics_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: logged_model_finalizations logged_model_finalizations_artifact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_model_finalizations
    ADD CONSTRAINT logged_model_finalizations_artifact_id_fkey FOREIGN KEY (artifact_id) REFERENCES public.artifacts(id);


--
-- Name: logged_model_finalizations logged_model_finalizations_logged_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_model_finalizations
    ADD CONSTRAINT logged_model_finalizations_logged_model_id_fkey FOREIGN KEY (logged_model_id) REFERENCES public.logged_models(id);


--
-- Name: logged_model_tag_events logged_model_tag_events_logged_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_model_tag_events
    ADD CONSTRAINT logged_model_tag_events_logged_model_id_fkey FOREIGN KEY (logged_model_id) REFERENCES public.logged_models(id);


--
-- Name: logged_models logged_models_experiment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_models
    ADD CONSTRAINT logged_models_experiment_id_fkey FOREIGN KEY (experiment_id) REFERENCES public.experiments(id);


--
-- Name: logged_models logged_models_source_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.logged_models
    ADD CONSTRAINT logged_models_source_run_id_fkey FOREIGN KEY (source_run_id) REFERENCES public.runs(id);


--
-- Name: metric_chunks metric_chunks_key_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_chunks
    ADD CONSTRAINT metric_chunks_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.metric_keys(id);


--
-- Name: metric_chunks metric_chunks_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_chunks
    ADD CONSTRAINT metric_chunks_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: mlflow_files mlflow_files_artifact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mlflow_files
    ADD CONSTRAINT mlflow_files_artifact_id_fkey FOREIGN KEY (artifact_id) REFERENCES public.artifacts(id);


--
-- Name: model_metadata_events model_metadata_events_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_metadata_events
    ADD CONSTRAINT model_metadata_events_model_id_fkey FOREIGN KEY (model_id) REFERENCES public.models(id);


--
-- Name: model_version_description_events model_version_description_events_model_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_description_events
    ADD CONSTRAINT model_version_description_events_model_version_id_fkey FOREIGN KEY (model_version_id) REFERENCES public.model_versions(id);


--
-- Name: model_version_sources model_version_sources_logged_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_sources
    ADD CONSTRAINT model_version_sources_logged_model_id_fkey FOREIGN KEY (logged_model_id) REFERENCES public.logged_models(id);


--
-- Name: model_version_sources model_version_sources_model_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_sources
    ADD CONSTRAINT model_version_sources_model_version_id_fkey FOREIGN KEY (model_version_id) REFERENCES public.model_versions(id);


--
-- Name: model_version_tag_events model_version_tag_events_model_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_version_tag_events
    ADD CONSTRAINT model_version_tag_events_model_version_id_fkey FOREIGN KEY (model_version_id) REFERENCES public.model_versions(id);


--
-- Name: model_versions model_versions_artifact_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_artifact_id_fkey FOREIGN KEY (artifact_id) REFERENCES public.artifacts(id);


--
-- Name: model_versions model_versions_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_id_fkey FOREIGN KEY (id) REFERENCES public.nodes(id);


--
-- Name: model_versions model_versions_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_model_id_fkey FOREIGN KEY (model_id) REFERENCES public.models(id);


--
-- Name: model_versions model_versions_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.model_versions
    ADD CONSTRAINT model_versions_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: ol_datasets ol_datasets_dataset_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_datasets
    ADD CONSTRAINT ol_datasets_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES public.datasets(id);


--
-- Name: ol_events ol_events_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_events
    ADD CONSTRAINT ol_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: ol_run_outputs ol_run_outputs_dataset_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_run_outputs
    ADD CONSTRAINT ol_run_outputs_dataset_id_fkey FOREIGN KEY (dataset_id) REFERENCES public.datasets(id);


--
-- Name: ol_run_outputs ol_run_outputs_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_run_outputs
    ADD CONSTRAINT ol_run_outputs_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.ol_events(id);


--
-- Name: ol_run_outputs ol_run_outputs_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_run_outputs
    ADD CONSTRAINT ol_run_outputs_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: ol_runs ol_runs_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ol_runs
    ADD CONSTRAINT ol_runs_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: params params_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.params
    ADD CONSTRAINT params_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: run_input_tags run_input_tags_dataset_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_input_tags
    ADD CONSTRAINT run_input_tags_dataset_version_id_fkey FOREIGN KEY (dataset_version_id) REFERENCES public.dataset_versions(id);


--
-- Name: run_input_tags run_input_tags_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_input_tags
    ADD CONSTRAINT run_input_tags_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: run_logged_model_outputs run_logged_model_outputs_logged_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_logged_model_outputs
    ADD CONSTRAINT run_logged_model_outputs_logged_model_id_fkey FOREIGN KEY (logged_model_id) REFERENCES public.logged_models(id);


--
-- Name: run_logged_model_outputs run_logged_model_outputs_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_logged_model_outputs
    ADD CONSTRAINT run_logged_model_outputs_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: run_records run_records_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_records
    ADD CONSTRAINT run_records_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: run_tag_events run_tag_events_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_tag_events
    ADD CONSTRAINT run_tag_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: run_tags run_tags_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_tags
    ADD CONSTRAINT run_tags_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.runs(id);


--
-- Name: runs runs_experiment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_experiment_id_fkey FOREIGN KEY (experiment_id) REFERENCES public.experiments(id);


--
-- Name: runs runs_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.runs
    ADD CONSTRAINT runs_id_fkey FOREIGN KEY (id) REFERENCES public.nodes(id);


--
-- Name: token_revocations token_revocations_token_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.token_revocations
    ADD CONSTRAINT token_revocations_token_id_fkey FOREIGN KEY (token_id) REFERENCES public.tokens(id);


--
-- PostgreSQL database dump complete
--


