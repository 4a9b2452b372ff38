-- ARGV from 3, pairs: agent, owner. Returns per pair 1, or 0 if the lease was lost.
return done(end_runs(3, (#ARGV - 2) / 2))
