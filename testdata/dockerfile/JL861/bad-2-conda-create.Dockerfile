FROM continuumio/miniconda3:24.5.0-0
COPY environment.yml /tmp/environment.yml
# expect: JL861
RUN conda env create -f /tmp/environment.yml
USER 1000
CMD ["conda", "run", "-n", "app", "python", "-m", "app"]
