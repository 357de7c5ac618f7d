# syntax=docker/dockerfile:1
FROM continuumio/miniconda3:24.5.0-0
RUN conda install -y numpy && conda clean -afy
COPY environment.yml /tmp/environment.yml
RUN --mount=type=cache,target=/opt/conda/pkgs \
    conda env create -f /tmp/environment.yml
USER 1000
CMD ["python"]
