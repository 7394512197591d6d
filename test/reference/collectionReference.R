# R's ets() and thetaf() on a sample of the public collections, for the engine's reference tests
# (test/engine/forecast/collectionReference.test.ts). The series themselves stay in the data
# folder (../shared/data); this file keeps only ids and R's results.
# Run from the repository root:
#   Rscript test/reference/collectionReference.R ../shared/data
# Writes test/reference/collectionReference.json (committed; the tests need no R).
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dataDir <- if (length(args) >= 1) args[1] else "../shared/data"
# Every k-th series (1-based: 1, 1 + k, ...) of each collection.
every <- list(m1_monthly = 25, m1_quarterly = 20, tourism_monthly = 30, tourism_quarterly = 30)
out <- list(versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
            every = every, collections = list())
for (name in names(every)) {
  data <- fromJSON(file.path(dataDir, paste0(name, ".json")), simplifyVector = FALSE)
  picked <- seq(1, length(data), by = every[[name]])
  out$collections[[name]] <- lapply(picked, function(i) {
    s <- data[[i]]
    x <- ts(unlist(s$train), frequency = s$period)
    fit <- ets(x)
    th <- thetaf(x, h = s$horizon)
    list(id = s$id, index = i, model = fit$method, loglik = fit$loglik, aicc = fit$aicc,
         ets_mean = as.numeric(forecast(fit, h = s$horizon)$mean), thetaf_mean = as.numeric(th$mean))
  })
}
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/collectionReference.json")
cat("wrote test/reference/collectionReference.json\n")
