// The query module: lineage, impact, audit reports, time travel, diff, search.
import PedigreeStore
