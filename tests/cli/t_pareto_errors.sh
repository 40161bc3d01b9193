# pareto: usage errors exit 2, bad data exit 4 with file:line, one line each.
data="$REQUEST_SOURCE/tests/data/pareto"
printf 'id,a,b\nx,1,2\ny,3\n' >ragged.csv
expect_rc 4 pareto --input ragged.csv --objective a:min --objective b:min
err_is_one_line '^request: error: ragged.csv:3: ragged row: 2 fields, the header has 3$'
printf 'id,a,b\nx,1,"2\ny,3,4\n' >quote.csv
expect_rc 4 pareto --input quote.csv --objective a:min --objective b:min
err_is_one_line '^request: error: quote.csv:2: broken quoting: quoted field not closed before the end of the file$'
printf 'id,a,b\nx,1,2\ny,fast,4\n' >text.csv
expect_rc 4 pareto --input text.csv --objective a:min --objective b:min
err_is_one_line "^request: error: text.csv:3: column 'a': 'fast' is not a number$"
printf '{"id": "x", "a": 1}\n{"id": "y", "a": }\n' >bad.jsonl
expect_rc 4 pareto --input bad.jsonl --objective a:min
err_is_one_line '^request: error: bad.jsonl:2: malformed JSON line$'
# Missing id column, missing objective column: named, with a hint.
expect_rc 2 pareto --input "$data/small.csv" --id nam --objective latency_ms:min
err_is_one_line "no column 'nam' \(hint: did you mean 'name'\?\)"
expect_rc 2 pareto --input "$data/small.csv" --objective latency:min
err_is_one_line "no column 'latency'"
expect_rc 3 pareto --input missing.csv --objective a:min
err_is_one_line "missing.csv"
# Usage.
expect_rc 2 pareto --input "$data/small.csv"
err_is_one_line 'at least one --objective is required'
expect_rc 2 pareto --input "$data/small.csv" --objective latency_ms
err_is_one_line "files record no direction \(hint: write latency_ms:min or latency_ms:max\)"
expect_rc 2 pareto --input "$data/small.csv" --objective latency_ms:min --where 'latency_ms = 3'
err_is_one_line "expected 'NAME OP VALUE'"
expect_rc 2 pareto --input "$data/small.csv" --objective latency_ms:min --hypervolume 1,2
err_is_one_line 'reference point has 2 values for 1 objectives'
expect_rc 2 pareto --input "$data/small.csv" --objective latency_ms:min --format xml
err_is_one_line "unknown format"
expect_rc 2 pareto --input "$data/small.csv" --objective latency_ms:min --plot p.svg
err_is_one_line 'a plot needs exactly two objectives, got 1'
[ ! -e p.svg ] || fail "a failed command wrote p.svg"
expect_rc 4 pareto --input "$data/small.csv" --objective latency_ms:min --where 'platform > 3'
err_is_one_line "small.csv:2: column 'platform': 'pi' is not a number"
